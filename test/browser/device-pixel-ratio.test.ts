import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser } from './describe-browser';
import { launchChromium } from './chromium.mjs';
import { expectNoConsoleErrors, openPage, pixelStats, saveScreenshot, waitForReady } from './page-harness';
import { WHITE, candleClasses, smokeBars } from './smoke-helpers';
import { startStaticServer, type StaticServer } from './static-server.mjs';

// Own file, own browser: a real DPR needs --force-device-scale-factor at launch (see launchChromium).
describeBrowser('browser at devicePixelRatio 2', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer();
    server.route('/data/klines.json', JSON.stringify(smokeBars()));
    browser = await launchChromium({ deviceScaleFactor: 2 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lightweight-charts sizes its canvases in device pixels', async () => {
    const { page, errors, close } = await openPage(browser, `${server.url}/fixtures/smoke.html`, { width: 800, height: 500 });
    try {
      await waitForReady(page);
      const sizes = await page.evaluate(() => {
        const canvas = document.querySelector('[data-testid=chart] canvas') as HTMLCanvasElement;
        const box = canvas.getBoundingClientRect();
        return { dpr: devicePixelRatio, bitmap: [canvas.width, canvas.height], css: [box.width, box.height] };
      });
      expect(sizes.dpr).toBe(2);
      expect(sizes.bitmap).toEqual(sizes.css.map((v) => Math.round(v * 2)));

      const canvas = await pixelStats(page, '[data-testid=chart]', { source: 'canvas', background: WHITE, classes: candleClasses });
      expect(canvas.width).toBe(sizes.bitmap[0]);
      expect(canvas.counts.up).toBeGreaterThan(2000);
      expect(canvas.counts.down).toBeGreaterThan(2000);

      const screen = await pixelStats(page, '[data-testid=chart]', { background: WHITE, classes: candleClasses });
      expect([screen.width, screen.height]).toEqual([1280, 720]);
      // Drawn at DPR 2, not upscaled from DPR 1: on screen the candle pixels match the canvas's.
      expect(screen.counts.up).toBeGreaterThan(canvas.counts.up * 0.9);
      await saveScreenshot(page, 'smoke-dpr2', '[data-testid=chart]');
      expectNoConsoleErrors(errors);
    } finally {
      await close();
    }
  });

  it('openPage refuses an emulated-only DPR that would leave canvases at DPR 1', async () => {
    await expect(openPage(browser, `${server.url}/fixtures/smoke.html`, { deviceScaleFactor: 1 })).rejects.toThrow(/launchChromium\(\{ deviceScaleFactor: 1 \}\)/);
  });
});
