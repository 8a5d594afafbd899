import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeBinance } from '../demo/fake-binance.mjs';
import { sharedFile } from '../helpers/shared-data';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { expectNoConsoleErrors, openPage, waitForReady, type OpenedPage } from './page-harness';
import { required } from './demo-required';

type FakeBinance = Awaited<ReturnType<typeof startFakeBinance>>;

const HOUR = 3_600_000;
/** A 1h chart's model runs on 15m klines: four columns a candle. */
const KLINES_PER_CANDLE = 4;
const RECORDING = sharedFile('klines/BTCUSDT-PERP_15m_astral.csv', 'live demo test on recorded klines');

/** The model's column count and a fingerprint of its last (forming) column. */
async function lastColumn(page: Page): Promise<{ columns: number; sum: number; weighted: number }> {
  return page.evaluate(() => {
    const model = window.demo.heatmap.primitive.headless();
    const { long, short } = model.columnAt(model.length - 1);
    let sum = 0;
    let weighted = 0;
    for (let r = 0; r < long.length; r++) {
      sum += long[r] + short[r];
      weighted += r * (long[r] + short[r]);
    }
    return { columns: model.length, sum, weighted };
  });
}

async function candleTimes(page: Page): Promise<number[]> {
  return page.evaluate(() => window.demo.candles.data().map((d) => Number(d.time)));
}

describeBrowserOnRecordings('demo live end to end on recorded 15m bars under a 1h chart: ticks, closed bars, a dropped socket (real chromium, loopback Binance)', () => {
  /** How far the stand-in's clock, and the page's, run ahead of real time. */
  let ahead = 0;
  let fake: FakeBinance;

  /** Moves both clocks on by `ms`: bars close on the stand-in and the page asks for them with its own time. */
  async function advance(page: Page, ms: number) {
    ahead += ms;
    await page.clock.setSystemTime(Date.now() + ahead);
  }
  let opened: OpenedPage;

  beforeAll(async () => {
    fake = await startFakeBinance({ delayMs: 5, tickMs: 120, now: () => Date.now() + ahead, recorded: RECORDING.path });
  });
  const demo = useDemoInBrowser(() => ({ BINANCE_REST_URL: fake.url, BINANCE_WS_URL: fake.wsUrl }));
  beforeAll(async () => {
    opened = await openPage(demo.browser, `${demo.url}?interval=1h&range=7d`, { width: 1280, height: 800 });
    await waitForReady(opened.page, 30_000);
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('says live once the websocket is open', async () => {
    await opened.page.getByTestId('status').filter({ hasText: 'live: Binance BTCUSDT 1h (model on 15m klines)' }).waitFor();
    expect(fake.streams()).toEqual(['/market/stream?streams=btcusdt@kline_15m/btcusdt@markPrice@1s']);
  });

  it('ticks move the forming candle and its heatmap column', async () => {
    const { page } = opened;
    const before = await lastColumn(page);
    const close = await page.evaluate(() => (window.demo.candles.data().at(-1) as { close: number }).close);
    await page.waitForFunction((c) => (window.demo.candles.data().at(-1) as { close: number }).close !== c, close);
    await expect.poll(async () => (await lastColumn(page)).weighted).not.toBe(before.weighted);
    expect((await lastColumn(page)).columns).toBe(before.columns);
  });

  it('an hour of closed 15m bars adds four columns and one candle', async () => {
    const { page } = opened;
    const before = await lastColumn(page);
    const times = await candleTimes(page);
    await advance(page, HOUR);
    await expect.poll(async () => (await lastColumn(page)).columns, { timeout: 10_000 }).toBe(before.columns + KLINES_PER_CANDLE);
    const after = await candleTimes(page);
    expect(required(after.at(-1), 'a last candle') - required(times.at(-1), 'a last candle')).toBe(HOUR / 1000);
  });

  it('a dropped socket says reconnecting, reconnects, and back-fills the bars it missed', async () => {
    const { page } = opened;
    const before = await lastColumn(page);
    fake.reset();
    fake.dropSockets();
    await advance(page, 2 * HOUR);
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 10_000 }).toMatch(/reconnecting/);
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 15_000 }).toMatch(/^live: Binance BTCUSDT 1h/);
    await expect.poll(async () => (await lastColumn(page)).columns, { timeout: 10_000 }).toBe(before.columns + 2 * KLINES_PER_CANDLE);
    expect(fake.stats().klinePages).toBeGreaterThan(0);
    const times = await candleTimes(page);
    const steps = times.slice(-6).map((t, i, all) => (i ? t - all[i - 1] : HOUR / 1000));
    expect(steps).toEqual(Array(6).fill(HOUR / 1000));
  });

  it('mark-price messages keep the "as of" time and the funding rate current', async () => {
    const { page } = opened;
    const asOf = async () => Date.parse(`${(await page.getByTestId('as-of').textContent())?.replace(' UTC', '').replace(' ', 'T')}:00Z`);
    await expect.poll(async () => Math.abs((await asOf()) - (Date.now() + ahead)), { timeout: 5_000 }).toBeLessThan(2 * 60_000);
    expect(await page.getByTestId('funding').textContent()).toBe('0.0100%');
  });

  it('prints no console errors and makes no failed requests', () => {
    expectNoConsoleErrors(opened.errors, [/WebSocket connection to .* failed/]);
  });
});
