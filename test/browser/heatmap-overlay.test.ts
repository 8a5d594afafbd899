import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseKlines } from '../../src/klines/parse-klines';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import type { LevelsReport } from '../../src/levels/level';
import type { DensityReading, HeatmapOptionsPatch } from '../../plugin/index';
import { must } from '../helpers/must';
import { sharedFile } from '../helpers/shared-data';
import { describeBrowser } from './describe-browser';
import { launchChromium } from './chromium.mjs';
import { expectNoConsoleErrors, near, openPage, pixelStats, readPixels, saveScreenshot, waitForReady } from './page-harness';
import { startStaticServer, type StaticServer } from './static-server.mjs';

declare global {
  interface Window {
    /** The handle fixtures/overlay.js leaves on the page; each change resolves after the chart has drawn it. */
    overlay: {
      attach(options: HeatmapOptionsPatch): Promise<void>;
      apply(options: HeatmapOptionsPatch): Promise<void>;
      detach(): Promise<void>;
      levels(): LevelsReport | null;
      coordinate(price: number): number | null;
      density(): DensityReading | null;
    };
  }
}

const REAL = sharedFile('klines/BTCUSDT-PERP_1h_astral.csv', 'overlay browser test on real klines (generated klines used instead)');

/** Binance REST rows of the real BTCUSDT perp 1h recording, or of a generated walk when it is absent. */
function restRows(): unknown[][] {
  const series = REAL.present ? parseKlines(readFileSync(REAL.path, 'utf8'), { source: REAL.path }) : toKlineSeries(syntheticKlines(1000));
  const rows: unknown[][] = [];
  for (let i = 0; i < series.length; i++) {
    rows.push([series.openTime[i], String(series.open[i]), String(series.high[i]), String(series.low[i]), String(series.close[i]), String(series.volume[i]), series.openTime[i] + 3_599_999, '', 0, '', '', '0']);
  }
  return rows;
}

const BLACK = near('#000000', 24);
const HEAT_HUES = ['purple', 'blue', 'green', 'yellow', 'cyan', 'red', 'orange'];

async function counts(page: Page) {
  const stats = await pixelStats(page, '[data-testid=chart]', { background: [255, 255, 255], classes: { candle: BLACK } });
  const heat = HEAT_HUES.reduce((sum, hue) => sum + (stats.counts[hue] ?? 0), 0);
  return { heat, candle: stats.counts.candle ?? 0, total: stats.total };
}

const HEATMAP_ONLY = { levelsVisible: false, axisLabelsVisible: false };

describeBrowser('overlay on a plain page: standalone lightweight-charts + UMD bundle by script tags', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer();
    server.route('/data/rows.json', JSON.stringify(restRows()));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open() {
    const opened = await openPage(browser, `${server.url}/fixtures/overlay.html`, { width: 800, height: 480 });
    await waitForReady(opened.page);
    return opened;
  }

  it('draws heatmap colour in the pane under fully visible candles, with no console errors', async () => {
    const { page, errors, close } = await open();
    try {
      const bare = await counts(page);
      expect(bare.heat).toBeLessThan(bare.total * 0.01);
      expect(bare.candle).toBeGreaterThan(1000);
      await page.evaluate((o) => window.overlay.attach(o), HEATMAP_ONLY);
      const drawn = await counts(page);
      expect(drawn.heat - bare.heat).toBeGreaterThan(drawn.total * 0.2);
      // Every candle pixel is still black: the cells are under the candles, not over them.
      expect(Math.abs(drawn.candle - bare.candle)).toBeLessThanOrEqual(bare.candle * 0.01);
      await saveScreenshot(page, 'overlay-heatmap', '[data-testid=chart]');
      expectNoConsoleErrors(errors);
    } finally {
      await close();
    }
  });

  it('raising the threshold removes coloured pixels', async () => {
    const { page, errors, close } = await open();
    try {
      await page.evaluate((o) => window.overlay.attach(o), HEATMAP_ONLY);
      const low = await counts(page);
      await page.evaluate(() => window.overlay.apply({ threshold: 0.6 }));
      const high = await counts(page);
      expect(high.heat).toBeLessThan(low.heat * 0.7);
      await page.evaluate(() => window.overlay.apply({ moreHeat: 1, threshold: 0.05 }));
      const boosted = await counts(page);
      expect(boosted.heat).toBeGreaterThanOrEqual(low.heat * 0.95);
      expectNoConsoleErrors(errors);
    } finally {
      await close();
    }
  });

  it('draws labelled level lines and answers densityAt for tooltips', async () => {
    const { page, errors, close } = await open();
    try {
      await page.evaluate(() => window.overlay.attach({ heatmapVisible: false }));
      const stats = await pixelStats(page, '[data-testid=chart]', {
        background: [255, 255, 255],
        classes: { candle: BLACK, long: near('#26c6da', 40), short: near('#ff7043', 40) },
      });
      const report = must(await page.evaluate(() => window.overlay.levels()), 'a levels report');
      expect(report.above.length + report.below.length).toBeGreaterThan(0);
      expect((stats.counts.long ?? 0) + (stats.counts.short ?? 0)).toBeGreaterThan(200);
      const density = must(await page.evaluate(() => window.overlay.density()), 'a density reading');
      expect(density.long).toBeGreaterThan(0);
      await saveScreenshot(page, 'overlay-levels', '[data-testid=chart]');
      expectNoConsoleErrors(errors);
    } finally {
      await close();
    }
  });

  it('swept levels are dashed 4 px on, 4 px off from the pane\'s left edge', async () => {
    const { page, errors, close } = await open();
    try {
      await page.evaluate(() => window.overlay.attach({ heatmapVisible: false, axisLabelsVisible: false }));
      const report = must(await page.evaluate(() => window.overlay.levels()), 'a levels report');
      const others = await Promise.all([...report.above, ...report.below].map((l) => page.evaluate((p) => window.overlay.coordinate(p), l.price)));
      const swept = await Promise.all(report.swept.map((z) => page.evaluate((p) => window.overlay.coordinate(p), z.price)));
      // Rows of swept lines with no other line within 4 px: their pixels are the dashes over candles or background.
      const rows = swept.filter((y): y is number => y !== null && [...others, ...swept].every((o) => o === y || o === null || Math.abs(o - y) > 4));
      expect(rows.length).toBeGreaterThan(0);
      const image = await readPixels(page, '[data-testid=chart]');
      const dpr = await page.evaluate(() => window.devicePixelRatio);
      const dash = Math.round(4 * dpr);
      // Left of the labels: the first 300 media px.
      for (const y of rows) {
        const row = Math.round(y * dpr) - (Math.max(1, Math.round(dpr)) % 2 ? 0 : 1);
        const tinted: boolean[] = [];
        for (let x = 0; x < 300 * dpr; x++) {
          const i = (row * image.width + x) * 4;
          const [r, g, b] = [image.data[i], image.data[i + 1], image.data[i + 2]];
          tinted.push(Math.max(r, g, b) - Math.min(r, g, b) > 8);
        }
        const wrong = tinted.map((t, x) => (t === Math.floor(x / dash) % 2 < 1 ? -1 : x)).filter((x) => x >= 0);
        expect(wrong).toEqual([]);
      }
      expectNoConsoleErrors(errors);
    } finally {
      await close();
    }
  });

  it('detach leaves no heatmap or level pixels behind', async () => {
    const { page, errors, close } = await open();
    try {
      const bare = await counts(page);
      await page.evaluate(() => window.overlay.attach({}));
      expect((await counts(page)).heat).toBeGreaterThan(0);
      await page.evaluate(() => window.overlay.detach());
      const after = await counts(page);
      expect(after).toEqual(bare);
      expectNoConsoleErrors(errors);
    } finally {
      await close();
    }
  });
});
