// @ts-check
/**
 * Cross-origin guard for the API: a page on another origin (another site, or another port on this machine)
 * can make the visitor's browser send GETs here (an `<img>`, a no-cors fetch) with the right Host. Browsers
 * say where such a request comes from in `Sec-Fetch-Site`; only this page's own requests ('same-origin')
 * and ones the user typed ('none') may use the API. Clients that send no such header (curl, tests) pass.
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
export function isCrossOrigin(headers) {
  const site = headers['sec-fetch-site'];
  return typeof site === 'string' && site !== 'same-origin' && site !== 'none';
}
