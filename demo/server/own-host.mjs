// @ts-check
/**
 * DNS rebinding guard: a page on another site whose name was made to resolve to 127.0.0.1 reaches this
 * server with its own name in `Host`. Only the loopback names of this server's port are its own.
 */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * True when `host` (the request's Host header) names this server: a loopback name and its port.
 * @param {string | undefined} host
 * @param {number} port
 */
export function isOwnHost(host, port) {
  if (typeof host !== 'string') return false;
  const name = host.toLowerCase();
  return LOOPBACK_NAMES.some((own) => name === `${own}:${port}` || (port === 80 && name === own));
}
