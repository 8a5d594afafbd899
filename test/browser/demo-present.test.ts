import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { openPage, saveScreenshot, waitForReady } from './page-harness';
import { decodePng } from './png';

/**
 * A recording whose history holds bands far denser than the present's clusters (DOGEUSDT perp 1h, the
 * last 3 months), heat only.
 */
const QUERY = 'symbol=DOGEUSDT&range=3M&tick=0&levels=0';
/** Columns at the right edge that count as "the present". */
const LATEST_BARS = 12;

/**
 * The brightest heat pixel (luminance 0..255) among the latest bars and among the bars before the
 * newest 48 (the history, with its since-swept bands), read from a screenshot of the chart showing the
 * heatmap only.
 */
async function brightest(page: Page): Promise<{ latest: number; history: number }> {
  // Heat only: candles drawn transparent (they still scale the price axis), no logo, no price line.
  await page.evaluate(() => {
    const clear = 'rgba(0, 0, 0, 0)';
    window.demo.candles.applyOptions({ upColor: clear, downColor: clear, borderVisible: false, wickVisible: false, priceLineVisible: false });
    window.demo.chart.applyOptions({ layout: { attributionLogo: false }, grid: { vertLines: { visible: false }, horzLines: { visible: false } } });
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const { xs, paneHeight, scale } = await page.evaluate((latestBars) => {
    const n = window.demo.candles.data().length;
    const at = (i: number) => window.demo.chart.timeScale().logicalToCoordinate(i as never) ?? Number.NaN;
    const paneHeight = window.demo.chart.paneSize().height;
    return { xs: { latestFrom: at(n - latestBars), last: at(n - 1), historyEnd: at(n - 48) }, paneHeight, scale: window.devicePixelRatio };
  }, LATEST_BARS);
  const image = decodePng(await page.getByTestId('chart').screenshot());
  const { data, width } = image;
  const pxPerCss = width / (await page.getByTestId('chart').evaluate((e) => e.getBoundingClientRect().width));
  expect(pxPerCss).toBeCloseTo(scale, 1);
  // The pane only: the time axis' labels below it are brighter than any heat.
  const height = Math.floor(paneHeight * pxPerCss);
  const maxIn = (fromCss: number, toCss: number) => {
    let max = 0;
    for (let x = Math.max(0, Math.floor(fromCss * pxPerCss)); x < Math.min(width, Math.ceil(toCss * pxPerCss)); x++) {
      for (let y = 0; y < height; y++) {
        const i = (y * width + x) * 4;
        max = Math.max(max, 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]);
      }
    }
    return max;
  };
  return { latest: maxIn(xs.latestFrom, xs.last + 2), history: maxIn(0, xs.historyEnd) };
}

describeBrowserOnRecordings('demo heatmap: the present is the brightest part (real chromium, replayed recording)', () => {
  const demo = useDemoInBrowser(() => ({ BINANCE_REST_URL: 'http://127.0.0.1:9' }));

  it('the latest columns\' top level is at least as bright as the brightest band of the history', async () => {
    const { page, close } = await openPage(demo.browser, `${demo.url}?${QUERY}`, { width: 1280, height: 800 });
    try {
      await waitForReady(page, 30_000);
      const { latest, history } = await brightest(page);
      await saveScreenshot(page, 'demo-present-brightest', '[data-testid=chart]');
      console.log(`brightest heat: latest ${LATEST_BARS} bars ${latest.toFixed(1)}, history ${history.toFixed(1)}`);
      expect(history).toBeGreaterThan(40);
      expect(latest).toBeGreaterThanOrEqual(history - 2);
    } finally {
      await close();
    }
  });

  it('normalising on the visible columns instead lets the history outshine the present on that recording', async () => {
    const { page, close } = await openPage(demo.browser, `${demo.url}?${QUERY}`, { width: 1280, height: 800 });
    try {
      await waitForReady(page, 30_000);
      await page.evaluate(() => window.demo.heatmap.applyOptions({ normalizeOn: 'visible' }));
      const { latest, history } = await brightest(page);
      console.log(`with normalizeOn 'visible': latest ${latest.toFixed(1)}, history ${history.toFixed(1)}`);
      expect(latest).toBeLessThan(history - 2);
    } finally {
      await close();
    }
  });
});
