import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { must } from '../helpers/must';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { openPage, waitForReady } from './page-harness';

/** What the chart shows of its prices: the series' format, the last price, the level axis labels and the nearest level's label. */
function chartPrices(page: Page) {
  return page.evaluate(() => {
    const { candles, heatmap } = window.demo;
    const report = heatmap.levels();
    const format = (price: number) => candles.priceFormatter().format(price);
    const last = candles.lastValueData(true);
    return {
      priceFormat: candles.options().priceFormat,
      lastPrice: last.noData ? '' : format(last.price),
      axisLabels: heatmap.primitive.priceAxisViews().map((view) => view.text()),
      nearest: report?.nearestAbove ? window.LiqHeatmap.levelLabelText(report.nearestAbove, report, format) : '',
    };
  });
}

describeBrowserOnRecordings("demo chart prices in the symbol's own tick (real chromium, replayed recordings)", () => {
  const demo = useDemoInBrowser(() => ({ BINANCE_REST_URL: 'http://127.0.0.1:9' }));

  async function open(symbol: string) {
    const opened = await openPage(demo.browser, `${demo.url}?symbol=${symbol}&tick=0`, { width: 1280, height: 800 });
    await waitForReady(opened.page, 30_000);
    return opened;
  }

  for (const [symbol, decimals] of [
    ['1000PEPEUSDT', 7],
    ['DOGEUSDT', 5],
  ] as const) {
    it(`${symbol}: the price axis and the level labels show ${decimals} decimals, not two`, async () => {
      const { page, close } = await open(symbol);
      try {
        const shown = await chartPrices(page);
        const inTick = new RegExp(`^0\\.\\d{${decimals}}$`);
        expect(shown.priceFormat).toMatchObject({ type: 'price', precision: decimals, minMove: Number(`1e-${decimals}`) });
        expect(shown.lastPrice).toMatch(inTick);
        expect(shown.axisLabels.length).toBeGreaterThan(0);
        for (const text of shown.axisLabels) expect(text).toMatch(inTick);
        expect(shown.nearest).toMatch(new RegExp(`^▲ nearest \\| 0\\.\\d{${decimals}} \\|`));
      } finally {
        await close();
      }
    });
  }

  it("1000PEPEUSDT: the panels write the nearest level's price as its line on the chart does", async () => {
    const { page, close } = await open('1000PEPEUSDT');
    try {
      const onLine = must(/\| (0\.\d+) \|/.exec((await chartPrices(page)).nearest), 'the price in the nearest label')[1];
      expect(onLine).toMatch(/^0\.\d{7}$/);
      expect(await page.getByTestId('nearest-above').textContent()).toMatch(new RegExp(`^${onLine.replace('.', '\\.')} \\(`));
    } finally {
      await close();
    }
  });
});
