import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBrowser } from './describe-browser';
import { launchChromium } from './chromium.mjs';
import { expectNoConsoleErrors, openPage, pixelStats, saveScreenshot, waitForReady } from './page-harness';
import { WHITE, candleClasses, smokeBars } from './smoke-helpers';
import { STRICT_CSP, startStaticServer, type StaticServer } from './static-server.mjs';

const bars = smokeBars();

describe('static server', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer();
  });
  afterAll(() => server?.close());

  it('serves fixtures with the strict CSP, vendor and dist files, and in-memory routes', async () => {
    const html = await fetch(`${server.url}/fixtures/smoke.html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toBe(STRICT_CSP);
    expect(STRICT_CSP).not.toMatch(/unsafe-eval/);
    const vendor = await fetch(`${server.url}/vendor/lightweight-charts.standalone.production.js`);
    expect(vendor.status).toBe(200);
    expect(vendor.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(vendor.headers.get('content-security-policy')).toBeNull();
    expect((await fetch(`${server.url}/dist/index.umd.js`)).status).toBe(200);
    server.route('/data/x.json', '[1,2]');
    const routed = await fetch(`${server.url}/data/x.json?ignored=1`);
    expect(routed.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await routed.json()).toEqual([1, 2]);
  });

  it('answers 404 outside its mounts, including traversal attempts', async () => {
    for (const path of ['/package.json', '/dist/%2e%2e/package.json', '/fixtures/..%2fchromium.mjs', '/bench/..%2frender-bench.mjs', '/dist/', '/nope']) {
      expect((await fetch(server.url + path)).status, path).toBe(404);
    }
  });
});

describeBrowser('browser smoke: lightweight-charts + LiqHeatmap UMD in chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer();
    server.route('/data/klines.json', JSON.stringify(bars));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws candles from fetched klines under the strict CSP, with no console errors', async () => {
    const { page, errors, close } = await openPage(browser, `${server.url}/fixtures/smoke.html`, { width: 800, height: 500 });
    try {
      await waitForReady(page);
      const state = await page.evaluate(() => {
        const s = (window as unknown as { smoke: { bars: number; liqHeatmap: string[] | null } }).smoke;
        return { bars: s.bars, liqHeatmap: s.liqHeatmap };
      });
      expect(state.bars).toBe(bars.length);
      expect(state.liqHeatmap, 'global LiqHeatmap from dist/index.umd.js').not.toBeNull();
      expect(state.liqHeatmap).toContain('LiquidationModel');

      // The pane's main canvas: background, grid and candles.
      const canvas = await pixelStats(page, '[data-testid=chart]', { source: 'canvas', background: WHITE, classes: candleClasses });
      expect(canvas.counts.up).toBeGreaterThan(500);
      expect(canvas.counts.down).toBeGreaterThan(500);
      expect(canvas.counts.background).toBeGreaterThan(canvas.total / 2);

      // What is on screen (all canvases composited, axes included) agrees.
      const screen = await pixelStats(page, '[data-testid=chart]', { background: WHITE, classes: candleClasses });
      expect(screen.width).toBe(640);
      expect(screen.height).toBe(360);
      expect(screen.counts.up).toBeGreaterThan(500);
      expect(screen.counts.down).toBeGreaterThan(500);

      await saveScreenshot(page, 'smoke-dpr1', '[data-testid=chart]');
      expectNoConsoleErrors(errors);
    } finally {
      await close();
    }
  });

  it('catches what it must: CSP-blocked inline script and eval, uncaught errors, 404s', async () => {
    server.route('/bad/page.html', '<!doctype html><title>bad</title><script>window.inline = 1</script><script src="/bad/page.js"></script><img src="/bad/missing.png">');
    server.route('/bad/page.js', "try { new Function('return 1')(); } catch (e) { console.error('eval blocked: ' + e.name); }\nthrow new Error('boom from page.js');");
    const { page, errors, close } = await openPage(browser, `${server.url}/bad/page.html`);
    try {
      await expect.poll(() => errors.length).toBeGreaterThanOrEqual(4);
      expect(await page.evaluate(() => 'inline' in window)).toBe(false);
      const text = errors.join('\n');
      expect(text).toMatch(/console\.error: .*Content Security Policy/);
      expect(text).toMatch(/console\.error: eval blocked: EvalError/);
      expect(text).toMatch(/pageerror: Error: boom from page\.js/);
      expect(text).toMatch(/http 404: .*\/bad\/missing\.png/);
      expect(() => expectNoConsoleErrors(errors)).toThrow();
      expect(() => expectNoConsoleErrors(errors, [/./])).not.toThrow();
    } finally {
      await close();
    }
  });
});
