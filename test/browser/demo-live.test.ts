import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeBinance } from '../demo/fake-binance.mjs';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowser } from './describe-browser';
import { expectNoConsoleErrors, openPage, waitForReady, type OpenedPage } from './page-harness';
import { DEFAULT_TIERS } from '../../src/model/model-options';
import { historyNeededMs } from '../../src/model/warmup';

type FakeBinance = Awaited<ReturnType<typeof startFakeBinance>>;

/** 1M of 5m bars: 8,640 bars, six REST pages of at most 1,500. */
const LONG = 'interval=5m&range=1M';
const BARS = 8640;
const CHART_WINDOW = 3000;

/**
 * Keeps every text the progress line shows (it is cleared once the model is ready), and the last candle
 * and the model's last bar when the page turns ready (a microtask after the task that set it: no tick
 * can come in between), with how many candle updates came before it.
 */
function recordLoading() {
  const seen: string[] = [];
  const atReady: { candle?: { time: number; close: number }; model?: { time: number; close: number }; updates: number } = { updates: 0 };
  Object.defineProperty(window, '__progress', { value: seen });
  Object.defineProperty(window, '__atReady', { value: atReady });
  document.addEventListener('DOMContentLoaded', () => {
    const line = document.getElementById('progress');
    if (line) new MutationObserver(() => seen.push(line.textContent ?? '')).observe(line, { childList: true, characterData: true, subtree: true });
    const watchUpdates = () => {
      const candles = window.demo?.candles;
      if (!candles) return void setTimeout(watchUpdates, 5);
      const update = candles.update.bind(candles);
      candles.update = (bar, historical) => {
        if (document.documentElement.dataset.ready === undefined) atReady.updates++;
        return update(bar, historical);
      };
    };
    watchUpdates();
    new MutationObserver(() => {
      if (document.documentElement.dataset.ready === undefined || atReady.model) return;
      const data = window.demo.candles.data();
      const last = data[data.length - 1] as { time: number; close: number };
      const klines = window.demo.heatmap.primitive.headless().klines;
      atReady.candle = { time: last.time, close: last.close };
      atReady.model = { time: klines.openTime[klines.length - 1] / 1000, close: klines.close[klines.length - 1] };
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-ready'] });
  });
}

async function lastCandle(page: Page) {
  return page.evaluate(() => {
    const data = window.demo.candles.data();
    return data[data.length - 1] as { time: number; close: number };
  });
}

describeBrowser('demo page live, against Binance stand-ins on loopback (real chromium, real server)', () => {
  let fake: FakeBinance;
  let opened: OpenedPage;
  let unitAtReady: string | null;

  beforeAll(async () => {
    fake = await startFakeBinance({ delayMs: 5, tickMs: 150 });
    fake.warm(['5m']);
  });
  const demo = useDemoInBrowser(() => ({ BINANCE_REST_URL: fake.url, BINANCE_WS_URL: fake.wsUrl }));
  beforeAll(async () => {
    opened = await openPage(demo.browser, `${demo.url}?${LONG}`, { width: 1280, height: 800, init: recordLoading });
    await waitForReady(opened.page, 30_000);
    unitAtReady = await opened.page.evaluate(() => window.demo.heatmap.levels()?.unit ?? null);
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('pages a long lookback through the pass-through and shows "pages N of M" while it does', async () => {
    const texts = await opened.page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    // 1M of 5m bars plus the model's two warm-ups before them, 1,500 bars a page.
    const pages = Math.ceil((30 * 86_400_000 + historyNeededMs(DEFAULT_TIERS)) / 300_000 / 1500);
    expect(texts).toContain(`pages 1 of ${pages}, 1500 bars`);
    expect(texts.some((t) => new RegExp(`^pages ${pages} of ${pages}, \\d+ bars$`).test(t))).toBe(true);
    expect(await opened.page.evaluate(() => window.demo.heatmap.primitive.headless().length)).toBeGreaterThanOrEqual(BARS);
  });

  it('asks for open-interest history while paging, so the model is built once and in USD from the start', () => {
    expect(unitAtReady).toBe('usd');
    expect(fake.stats().counts['/futures/data/openInterestHist']).toBe(1);
  });

  it('applies the ticks that came while the model loaded: at ready the model ends on the last candle', async () => {
    const atReady = await opened.page.evaluate(() => (window as unknown as { __atReady: unknown }).__atReady);
    const { candle, model, updates } = atReady as { candle: { time: number; close: number }; model: { time: number; close: number }; updates: number };
    expect(updates).toBeGreaterThan(0);
    expect(model).toEqual(candle);
  });

  it('goes live on the websocket: the status says so and ticks move the last candle and the levels price', async () => {
    const { page } = opened;
    await page.getByTestId('status').filter({ hasText: 'live: Binance BTCUSDT 5m' }).waitFor();
    expect(fake.streams()).toEqual(['/market/stream?streams=btcusdt@kline_5m/btcusdt@markPrice@1s']);
    const before = await lastCandle(page);
    await page.waitForFunction((close) => {
      const data = window.demo.candles.data();
      return (data[data.length - 1] as { close: number }).close !== close;
    }, before.close);
    const after = await lastCandle(page);
    expect(after.time).toBeGreaterThanOrEqual(before.time);
    expect(await page.evaluate(() => window.demo.heatmap.levels()?.price)).toBeCloseTo(after.close, 6);
  });

  it('the chart holds the latest bars of a long history and takes older ones in when scrolled to its left edge', async () => {
    const { page } = opened;
    // A new 5m bar may open during the test: counts are allowed one more bar than loaded.
    const before = await page.evaluate(() => ({ shown: window.demo.candleWindow.shown(), total: window.demo.candleWindow.total() }));
    expect(before.shown - CHART_WINDOW).toBeGreaterThanOrEqual(0);
    expect(before.shown - CHART_WINDOW).toBeLessThanOrEqual(1);
    expect(before.total).toBeGreaterThanOrEqual(BARS);
    const anchor = await page.evaluate(() => (window.demo.candles.data()[20] as { time: number }).time);
    await page.evaluate(() => window.demo.chart.timeScale().setVisibleLogicalRange({ from: 20, to: 420 }));
    await page.waitForFunction((n) => window.demo.candleWindow.shown() > n, before.shown);
    const shown = await page.evaluate(() => window.demo.candleWindow.shown());
    expect(shown).toBe(before.shown + CHART_WINDOW);
    const view = await page.evaluate(() => {
      const range = window.demo.chart.timeScale().getVisibleLogicalRange();
      if (range === null) throw new Error('the chart has no visible logical range');
      return { from: range.from, time: (window.demo.candles.data()[Math.round(range.from)] as { time: number }).time };
    });
    expect(view.from).toBeCloseTo(20 + CHART_WINDOW, 0);
    expect(view.time).toBe(anchor);
  });

  it('prints no console errors and makes no failed requests', () => {
    expectNoConsoleErrors(opened.errors);
  });
});
