import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { attachBinanceHeatmap, type BinanceHeatmap, type BinanceHeatmapOptions } from '../../plugin/attach-binance-heatmap';
import { BinanceError } from '../../src/binance/binance-error';
import type { WebSocketFactory } from '../../src/binance/live-feed-types';
import type { Kline } from '../../src/klines/kline';
import type { LevelsReport } from '../../src/levels/level';
import { HISTORY, HOUR, INTERVAL, LOOKBACK, recentBars, startMarket, SYMBOL, waitFor } from '../binance/session-market';
import { FakeBinance } from '../binance/fake-binance-http';
import { FakeStream } from '../binance/live-fake-stream';
import { fakeChart, installFakeCanvas } from './fake-chart';

const BARS = recentBars(HISTORY + 4);

interface Candle {
  time: number;
  close: number;
}

beforeAll(() => {
  installFakeCanvas();
});

/** A fake candlestick series (see fake-chart.ts) that also records `setData` and `update`. */
function candleSeries() {
  const low = Math.min(...BARS.map((k) => k.low)) * 0.8;
  const high = Math.max(...BARS.map((k) => k.high)) * 1.2;
  const fake = fakeChart(BARS.map((k) => k.openTime / 1000), { low, high });
  const recorded = { set: [] as Candle[], updates: [] as Candle[] };
  Object.assign(fake.series as object, {
    setData: (data: Candle[]) => (recorded.set = data),
    update: (candle: Candle) => recorded.updates.push(candle),
  });
  return { series: fake.series, recorded, subscriptions: fake.dataHandlers };
}

/** The overlay's levels report; fails when it has none. */
function levelsOf(live: BinanceHeatmap): LevelsReport {
  const report = live.heatmap.levels();
  if (report === null) throw new Error('the overlay has no levels report');
  return report;
}

/** Attaches to a fake series against the loopback market (a 1h model under 1h candles), detaching after the test. */
function attach(market: { rest: FakeBinance; stream: FakeStream }, options: Partial<BinanceHeatmapOptions> = {}) {
  const { series, recorded, subscriptions } = candleSeries();
  const live: BinanceHeatmap = attachBinanceHeatmap(series, {
    symbol: SYMBOL,
    interval: INTERVAL,
    modelInterval: INTERVAL,
    lookback: LOOKBACK,
    restBaseUrl: market.rest.url,
    wsBaseUrl: market.stream.baseUrl,
    WebSocket: WebSocket as WebSocketFactory,
    ...options,
  });
  onTestFinished(() => live.detach());
  return { live, recorded, subscriptions };
}

describe('attachBinanceHeatmap against a loopback Binance', () => {
  it('draws the lookback on the candles and the overlay, in USD with open interest, reporting the load', async () => {
    const market = await startMarket(BARS);
    const statuses: string[] = [];
    const { live, recorded } = attach(market, { onStatus: (s) => statuses.push(s.state) });

    await live.ready;

    expect(recorded.set).toHaveLength(HISTORY);
    expect(recorded.set[HISTORY - 1]).toMatchObject({ time: BARS[HISTORY - 1].openTime / 1000, close: BARS[HISTORY - 1].close });
    const report = levelsOf(live);
    expect(report.time).toBe(BARS[HISTORY - 1].openTime);
    expect(report.unit).toBe('usd');
    expect(statuses[0]).toBe('loaded');
  });

  it('reports an open-interest failure through onWarning and keeps sizes as relative heat', async () => {
    const market = await startMarket(BARS, { openInterest: false });
    const warnings: string[] = [];
    const { live } = attach(market, { onWarning: (w) => warnings.push(w) });

    await live.ready;

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^open interest unavailable \(.*404.*\); sizes are relative heat$/);
    expect(levelsOf(live).unit).toBe('heat');
  });

  it('follows the kline stream: every tick updates the candles and the overlay, in order', async () => {
    const market = await startMarket(BARS);
    const applied: Kline[] = [];
    const { live, recorded } = attach(market, { onKline: (k) => applied.push(k) });
    await live.ready;
    await waitFor(() => market.stream.clients === 1 && applied.length === 1, 'the connection and the resynced last bar');

    market.stream.advance(market.stream.ticksPerBar + 1);
    await waitFor(() => applied.length === 2 + market.stream.ticksPerBar + 1, 'the ticks of one bar and the next');

    const next = BARS[HISTORY + 1];
    expect(recorded.updates[recorded.updates.length - 1].time).toBe(next.openTime / 1000);
    expect(levelsOf(live).time).toBe(next.openTime);
    expect(levelsOf(live).price).toBe(market.stream.klineAt(HISTORY + 1, 0).close);
  });

  it('leaves the candles alone with feedCandles: false', async () => {
    const market = await startMarket(BARS);
    const { live, recorded } = attach(market, { feedCandles: false });

    await live.ready;

    expect(recorded.set).toEqual([]);
    expect(levelsOf(live).time).toBe(BARS[HISTORY - 1].openTime);
  });

  it('rejects ready with the BinanceError when the klines cannot be loaded', async () => {
    const market = await startMarket(BARS);
    market.rest.fault({ path: '/fapi/v1/klines', status: 400, body: '{"code":-1121,"msg":"Invalid symbol."}' });
    const { live } = attach(market);

    const error = await live.ready.catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BinanceError);
    expect((error as BinanceError).code).toBe(-1121);
  });

  it('stop() while loading resolves ready without going live', async () => {
    const market = await startMarket(BARS);
    market.rest.fault({ path: '/fapi/v1/klines', delayMs: 1000 });
    const { live, recorded } = attach(market);
    await waitFor(() => market.rest.requestsTo('/fapi/v1/klines').length === 1, 'the first page request');

    live.stop();
    await live.ready;

    expect(recorded.set).toEqual([]);
    expect(market.stream.accepted).toBe(0);
  });

  it('detach() stops the feed and removes the overlay from the series', async () => {
    const market = await startMarket(BARS);
    const { live, subscriptions } = attach(market);
    await live.ready;
    await waitFor(() => market.stream.clients === 1, 'the connection');
    expect(subscriptions.size).toBe(1);

    live.detach();

    await waitFor(() => market.stream.clients === 0, 'the socket to close');
    expect(subscriptions.size).toBe(0);
  });
});

const QUARTER = 900_000;
/** The same bars re-timed 15 minutes apart: a 15m market whose first `HISTORY` bars end before now. */
const QUARTERS = BARS.map((k, i) => {
  const start = Math.floor(Date.now() / HOUR) * HOUR - (HISTORY + 3) * QUARTER;
  return { ...k, openTime: start + i * QUARTER, closeTime: start + (i + 1) * QUARTER - 1 };
});

/** A loopback market of 15m klines (no open interest). */
async function startQuarterMarket(): Promise<{ rest: FakeBinance; stream: FakeStream }> {
  const rest = await FakeBinance.start();
  const stream = await FakeStream.start({ symbol: SYMBOL, interval: '15m', bars: QUARTERS });
  onTestFinished(async () => {
    await rest.close();
    await stream.close();
  });
  rest.setKlines(SYMBOL, '15m', QUARTERS.slice(0, HISTORY));
  stream.advanceTo(HISTORY - 1, stream.ticksPerBar - 1, false);
  return { rest, stream };
}

/** Attaches with the default model interval to a fake series of `interval` candles. */
function attachChart(market: { rest: FakeBinance; stream: FakeStream }, interval: '1h' | '4h', options: Partial<BinanceHeatmapOptions> = {}) {
  const barMs = interval === '1h' ? HOUR : 4 * HOUR;
  const times = [...new Set(QUARTERS.map((k) => Math.floor(k.openTime / barMs) * barMs))].map((t) => t / 1000);
  const fake = fakeChart(times, { low: Math.min(...QUARTERS.map((k) => k.low)) * 0.8, high: Math.max(...QUARTERS.map((k) => k.high)) * 1.2 });
  const recorded = { set: [] as (Candle & { high: number; low: number; open: number })[], updates: [] as (Candle & { high: number })[] };
  Object.assign(fake.series as object, { setData: (data: typeof recorded.set) => (recorded.set = data), update: (c: Candle & { high: number }) => recorded.updates.push(c) });
  const live = attachBinanceHeatmap(fake.series, {
    symbol: SYMBOL,
    interval,
    lookback: LOOKBACK,
    openInterest: false,
    restBaseUrl: market.rest.url,
    wsBaseUrl: market.stream.baseUrl,
    WebSocket: WebSocket as WebSocketFactory,
    ...options,
  });
  onTestFinished(() => live.detach());
  return { live, recorded };
}

describe('attachBinanceHeatmap under charts from 15m to 1d: the model runs on 15m klines', () => {
  it('fetches 15m klines for a 1h chart and makes its candles from them', async () => {
    const market = await startQuarterMarket();
    const { live, recorded } = attachChart(market, '1h');
    await live.ready;

    const intervals = market.rest.requestsTo('/fapi/v1/klines').map((r) => r.query.get('interval'));
    expect(intervals.length).toBeGreaterThan(0);
    expect(new Set(intervals)).toEqual(new Set(['15m']));
    const first = recorded.set[0];
    const inside = QUARTERS.slice(0, HISTORY).filter((k) => Math.floor(k.openTime / HOUR) * HOUR === first.time * 1000);
    expect(first).toMatchObject({ open: inside[0].open, high: Math.max(...inside.map((k) => k.high)), low: Math.min(...inside.map((k) => k.low)), close: inside[inside.length - 1].close });
    expect(levelsOf(live).time).toBe(QUARTERS[HISTORY - 1].openTime);
  });

  it('gives a 1h and a 4h chart of the same market the same levels at the same moment', async () => {
    const market = await startQuarterMarket();
    const hourly = attachChart(market, '1h', { feedCandles: false });
    const fourHourly = attachChart(market, '4h', { feedCandles: false });
    await Promise.all([hourly.live.ready, fourHourly.live.ready]);

    const a = levelsOf(hourly.live);
    const b = levelsOf(fourHourly.live);
    expect(b.time).toBe(a.time);
    expect(b.above.map((l) => l.price)).toEqual(a.above.map((l) => l.price));
    expect(b.below.map((l) => l.price)).toEqual(a.below.map((l) => l.price));
    expect([b.nearestAbove?.price, b.nearestBelow?.price, b.bias.label]).toEqual([a.nearestAbove?.price, a.nearestBelow?.price, a.bias.label]);
  });

  it('follows the 15m stream: each tick updates the forming hourly candle with the hour so far', async () => {
    const market = await startQuarterMarket();
    const applied: Kline[] = [];
    const { live, recorded } = attachChart(market, '1h', { onKline: (k) => applied.push(k) });
    await live.ready;
    await waitFor(() => market.stream.clients === 1 && applied.length === 1, 'the connection and the resynced last bar');

    const last = QUARTERS[HISTORY + 1];
    market.stream.advance(2 * market.stream.ticksPerBar);
    await waitFor(() => applied.some((k) => k.openTime === last.openTime && k.close === last.close), 'the last tick of the second 15m bar');

    const hour = Math.floor(last.openTime / HOUR) * HOUR;
    const sofar = QUARTERS.slice(0, HISTORY + 2).filter((k) => Math.floor(k.openTime / HOUR) * HOUR === hour);
    const candle = recorded.updates[recorded.updates.length - 1];
    expect(candle.time).toBe(hour / 1000);
    expect(candle.high).toBe(Math.max(...sofar.map((k) => k.high)));
    expect(candle.close).toBe(last.close);
    expect(levelsOf(live).time).toBe(last.openTime);
  });

  it('refuses a model interval that does not divide the chart interval, naming both', () => {
    const fake = fakeChart([0], { low: 1, high: 2 });
    expect(() => attachBinanceHeatmap(fake.series, { symbol: SYMBOL, interval: '1w', modelInterval: '3d' })).toThrow(/modelInterval 3d does not divide interval 1w/);
  });
});

describe('attachBinanceHeatmap checks every option at the call, before any request', () => {
  /** Attaching with `options` over good ones throws `expected`; nothing reached the loopback market and no overlay was attached. */
  async function refusedAtCall(options: Record<string, unknown>, expected: RegExp) {
    const market = await startMarket(BARS);
    const { series, subscriptions } = candleSeries();
    const good = { symbol: SYMBOL, interval: INTERVAL, lookback: LOOKBACK, restBaseUrl: market.rest.url, wsBaseUrl: market.stream.baseUrl, WebSocket: WebSocket as WebSocketFactory };
    expect(() => attachBinanceHeatmap(series, { ...good, ...options } as BinanceHeatmapOptions)).toThrow(expected);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(market.rest.requests).toEqual([]);
    expect(subscriptions.size).toBe(0);
  }

  it('refuses a symbol Binance would refuse', async () => {
    await refusedAtCall({ symbol: 'BTC USDT' }, /^attachBinanceHeatmap: invalid Binance symbol "BTC USDT"/);
  });

  it('refuses a lookback that is not a duration', async () => {
    await refusedAtCall({ lookback: '7x' }, /^attachBinanceHeatmap: invalid duration "7x"/);
  });

  it('refuses an unknown option, suggesting the known one', async () => {
    await refusedAtCall({ lookbak: '7d' }, /^attachBinanceHeatmap: unknown option 'lookbak' \(did you mean 'lookback'\?\)$/);
  });

  it('refuses a bad overlay option, naming the call', async () => {
    await refusedAtCall({ threshold: 2 }, /^attachBinanceHeatmap: threshold must be a number from 0 to 1, got 2$/);
    await refusedAtCall({ model: { mmrr: 0.01 } }, /^attachBinanceHeatmap: model options: unknown option 'mmrr'/);
  });

  it('refuses a websocket URL that is not ws:// or wss://, and a feedCandles that is not a boolean', async () => {
    await refusedAtCall({ wsBaseUrl: 'http://localhost' }, /^attachBinanceHeatmap: wsBaseUrl must start with ws:\/\/ or wss:\/\//);
    await refusedAtCall({ feedCandles: 'no' }, /^attachBinanceHeatmap: feedCandles must be true or false, got no$/);
  });
});
