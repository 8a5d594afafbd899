/**
 * Opens a bench page for one case in a fresh context at the case's size and device pixel ratio, collecting
 * the page's problems (console errors, uncaught errors, failed responses), and waits until the page says it
 * is ready (`html[data-ready]`) or failed (`html[data-error]`, thrown with its text).
 */
export async function openBenchPage(browser, { url, spec, timeoutMs, scale }) {
  if (scale !== spec.dpr) throw new Error(`case ${spec.id} wants DPR ${spec.dpr}, browser launched at ${scale}`);
  const context = await browser.newContext({ viewport: { width: spec.width + 40, height: spec.height + 40 }, deviceScaleFactor: scale });
  const errors = [];
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`http ${response.status()}: ${response.url()}`);
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    const html = page.locator('html[data-ready], html[data-error]');
    await html.waitFor({ state: 'attached', timeout: timeoutMs });
    const pageError = await html.getAttribute('data-error');
    if (pageError !== null) throw new Error(`page reported: ${pageError}`);
  } catch (error) {
    await context.close();
    throw error;
  }
  return { context, page, errors };
}
