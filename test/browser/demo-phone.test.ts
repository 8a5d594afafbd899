import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserScaleFactor } from './chromium.mjs';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { saveScreenshot, waitForReady } from './page-harness';
import { required } from './demo-required';

const PHONE = { width: 390, height: 844 };

declare global {
  interface Window {
    /** Each level label's text and the left x (pane CSS px) it was last drawn at, from {@link recordLabelPositions}. */
    drawnLabels: Map<string, number>;
  }
}

/**
 * Runs in the page before its scripts: records where each level label is drawn, whether with fillText on
 * the pane's canvas or as a label pre-rendered on another canvas and copied with drawImage.
 */
function recordLabelPositions(): void {
  // A level label: `price | size`, then ` | distance` when full (`▲ 105129.01 | 5.6M`, `96.50 | $90 | -3.50%`).
  const LABEL = /\d \| \$?[\d.]+[kMBT]?( \| [-+]\d.*)?$/;
  const drawn = new Map<string, number>();
  window.drawnLabels = drawn;
  const prerendered = new WeakMap<object, string>();
  const ratio = (canvas: HTMLCanvasElement) => canvas.width / (canvas.clientWidth || canvas.width);
  for (const proto of [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype] as const) {
    const fillText = proto.fillText;
    proto.fillText = function (this: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
      if (LABEL.test(text)) {
        if (this.canvas instanceof HTMLCanvasElement) drawn.set(text, x / ratio(this.canvas));
        else prerendered.set(this.canvas, text);
      }
      fillText.call(this, text, x, y, maxWidth);
    } as typeof fillText;
  }
  const drawImage = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
    const text = prerendered.get(args[0] as object);
    if (text !== undefined) drawn.set(text, (args[1] as number) / ratio(this.canvas));
    (drawImage as (...a: unknown[]) => void).apply(this, args);
  } as typeof drawImage;
}

async function openPhone(browser: Browser, url: string, init?: () => void): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: browserScaleFactor(browser) });
  if (init) await context.addInitScript(init);
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

  it('level labels are compact (price and size), every one, the nearest ones included, drawn right of the newest candle, and the candles keep 40 % of the chart', async () => {
    const { context, page } = await openPhone(demo.browser, `${demo.url}?tick=0`, recordLabelPositions);
    try {
      await page.evaluate(() => {
        window.drawnLabels.clear();
        window.demo.heatmap.applyOptions({});
      });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const { labels, lastRight, paneWidth } = await page.evaluate(() => {
        const timeScale = window.demo.chart.timeScale();
        const last = timeScale.logicalToCoordinate((window.demo.candles.data().length - 1) as never) ?? Number.NaN;
        return { labels: [...window.drawnLabels], lastRight: last + timeScale.options().barSpacing / 2, paneWidth: window.demo.chart.paneSize().width };
      });
      expect(labels.filter(([text]) => /^[▲▼] \d/.test(text)).length).toBeGreaterThan(0);
      for (const [text, left] of labels) {
        expect(text).not.toMatch(/nearest|\| [-+]\d/);
        expect(left, text).toBeGreaterThan(lastRight);
      }
      expect(lastRight).toBeGreaterThan(0.4 * paneWidth);
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
      // Over the candles: right of the newest one is the room kept for the level labels.
      const newestX = await page.evaluate(() => window.demo.chart.timeScale().logicalToCoordinate((window.demo.candles.data().length - 1) as never) ?? Number.NaN);
      const to = { x: chart.x + newestX * 0.8, y: chart.y + chart.height * 0.6 };
      const touch = await touchDrag(page, { x: chart.x + newestX * 0.4, y: chart.y + chart.height * 0.6 }, to);
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
