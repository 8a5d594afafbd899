import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { attachBinanceHeatmap, type BinanceHeatmap, type BinanceHeatmapOptions } from '../../plugin/attach-binance-heatmap';
import { BinanceError } from '../../src/binance/binance-error';
import type { WebSocketFactory } from '../../src/binance/live-feed-types';
import type { Kline } from '../../src/klines/kline';
import type { LevelsReport } from '../../src/levels/level';
import type { FakeBinance } from '../binance/fake-binance-http';
import type { FakeStream } from '../binance/live-fake-stream';
import { HISTORY, INTERVAL, LOOKBACK, recentBars, startMarket, SYMBOL, waitFor } from '../binance/session-market';
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

/** Attaches to a fake series against the loopback market, detaching after the test. */
function attach(market: { rest: FakeBinance; stream: FakeStream }, options: Partial<BinanceHeatmapOptions> = {}) {
  const { series, recorded, subscriptions } = candleSeries();
  const live: BinanceHeatmap = attachBinanceHeatmap(series, {
    symbol: SYMBOL,
    interval: INTERVAL,
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
