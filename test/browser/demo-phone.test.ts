import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserScaleFactor } from './chromium.mjs';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { saveScreenshot, waitForReady } from './page-harness';
import { required } from './demo-required';

const PHONE = { width: 390, height: 844 };

async function openPhone(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: browserScaleFactor(browser) });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await waitForReady(page, 30_000);
  return { context, page };
}

/** One finger down at `from`, moved to `to` (in page CSS px), then lifted only if `lift`. */
async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [to] });
  return {
    lift: () => cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] }),
  };
}

describeBrowserOnRecordings('demo on a phone (390x844, touch; real chromium)', () => {
  const demo = useDemoInBrowser(() => ({ BINANCE_REST_URL: 'http://127.0.0.1:9' }));

  it('stacks the panels below the chart without horizontal scrolling', async () => {
    const { context, page } = await openPhone(demo.browser, `${demo.url}?tick=0`);
    try {
      const chart = required(await page.getByTestId('chart').boundingBox(), 'the chart box');
      expect(chart.width).toBeGreaterThan(300);
      for (const id of ['bias-card', 'levels-above', 'levels-below', 'plan']) {
        const box = required(await page.getByTestId(id).boundingBox(), `the ${id} box`);
        expect(box.y, id).toBeGreaterThanOrEqual(chart.y + chart.height);
        expect(box.x + box.width, id).toBeLessThanOrEqual(PHONE.width);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await saveScreenshot(page, 'demo-phone');
    } finally {
      await context.close();
    }
  });

  it('the level labels leave the newest candles free: the last bar ends left of the widest label', async () => {
    const { context, page } = await openPhone(demo.browser, `${demo.url}?tick=0`);
    try {
      // A string, so the page (not the test's bundler) imports the page's own module.
      const labelPx = await page.evaluate<number>(`import('/demo/label-room.js').then((m) => m.widestLabelPx(window.demo.heatmap.levels()))`);
      const room = await page.evaluate((widest) => {
        const n = window.demo.candles.data().length;
        const last = window.demo.chart.timeScale().logicalToCoordinate((n - 1) as never) ?? Number.NaN;
        const spacing = window.demo.chart.timeScale().options().barSpacing;
        return { lastRight: last + spacing / 2, labelLeft: window.demo.chart.paneSize().width - widest - 16 };
      }, labelPx);
      expect(labelPx).toBeGreaterThan(60);
      expect(room.lastRight).toBeLessThan(room.labelLeft);
    } finally {
      await context.close();
    }
  });

  it('the crosshair is dashed yellow by default and takes the colour from ?crosshair=', async () => {
    const { context, page } = await openPhone(demo.browser, `${demo.url}?tick=0`);
    try {
      const options = await page.evaluate(() => window.demo.chart.options().crosshair);
      expect(options.vertLine).toMatchObject({ color: '#e3b341', style: 2 });
      expect(options.horzLine).toMatchObject({ color: '#e3b341', style: 2 });
      await page.goto(`${demo.url}?tick=0&crosshair=%2300ff00`);
      await waitForReady(page, 30_000);
      expect(await page.evaluate(() => window.demo.chart.options().crosshair.vertLine.color)).toBe('#00ff00');
    } finally {
      await context.close();
    }
  });

  it('a finger drag shows the tooltip at once, above the finger, and lifting the finger hides it', async () => {
    const { context, page } = await openPhone(demo.browser, `${demo.url}?tick=0`);
    try {
      const chart = required(await page.getByTestId('chart').boundingBox(), 'the chart box');
      const tooltip = page.getByTestId('tooltip');
      expect(await tooltip.isVisible()).toBe(false);
      const to = { x: chart.x + chart.width * 0.45, y: chart.y + chart.height * 0.6 };
      const touch = await touchDrag(page, { x: chart.x + chart.width * 0.3, y: chart.y + chart.height * 0.6 }, to);
      await expect.poll(() => tooltip.isVisible(), { timeout: 2_000 }).toBe(true);
      expect(await tooltip.textContent()).toMatch(/price/);
      const box = required(await tooltip.boundingBox(), 'the tooltip box');
      expect(box.y + box.height).toBeLessThan(to.y);
      await touch.lift();
      await expect.poll(() => tooltip.isVisible(), { timeout: 2_000 }).toBe(false);
    } finally {
      await context.close();
    }
  });
});
