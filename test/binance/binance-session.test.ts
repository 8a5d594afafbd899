import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BinanceError } from '../../src/binance/binance-error';
import { BinanceSession } from '../../src/binance/binance-session';
import type { BinanceSessionOptions } from '../../src/binance/binance-session-options';
import type { MarkPriceUpdate } from '../../src/binance/binance-types';
import type { LiveFeedStatus, WebSocketFactory } from '../../src/binance/live-feed-types';
import type { KlineRangeProgress } from '../../src/binance/rest-kline-range';
import type { Kline } from '../../src/klines/kline';
import type { FakeBinance } from './fake-binance-http';
import type { FakeStream } from './live-fake-stream';
import { HISTORY, HOUR, INTERVAL, LOOKBACK, recentBars, startMarket, SYMBOL, waitFor } from './session-market';

const BARS = recentBars(HISTORY + 4);
const OI_PATH = '/futures/data/openInterestHist';

const sessions: BinanceSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.stop();
});

/** A session on the loopback market (REST and, when given, the stream), stopped after the test. */
function session(market: { rest: FakeBinance; stream?: FakeStream }, options: Partial<BinanceSessionOptions> = {}): BinanceSession {
  const { rest, stream } = market;
  const s = new BinanceSession({
    symbol: SYMBOL,
    interval: INTERVAL,
    lookback: LOOKBACK,
    restBaseUrl: rest.url,
    wsBaseUrl: stream?.baseUrl,
    WebSocket: WebSocket as WebSocketFactory,
    ...options,
  });
  sessions.push(s);
  return s;
}

/** Starts the live feed, recording what it delivers. */
function follow(s: BinanceSession) {
  const out = { klines: [] as Kline[], statuses: [] as LiveFeedStatus[], marks: [] as MarkPriceUpdate[] };
  s.startLive({ onKline: (k) => out.klines.push(k), onStatus: (st) => out.statuses.push(st), onMarkPrice: (m) => out.marks.push(m) });
  return out;
}

describe('Binance session: history', () => {
  it('loads a lookback page by page, reporting each page', async () => {
    const { rest } = await startMarket(BARS);
    const progress: KlineRangeProgress[] = [];

    const history = await session({ rest }, { onProgress: (p) => progress.push(p) }).loadHistory();

    expect(history.klines.map((k) => k.openTime)).toEqual(BARS.slice(0, HISTORY).map((k) => k.openTime));
    expect(history.klines[HISTORY - 1].close).toBe(BARS[HISTORY - 1].close);
    expect(progress).toEqual([
      { pagesDone: 1, pagesTotal: 2, bars: 1500 },
      { pagesDone: 2, pagesTotal: 2, bars: HISTORY },
    ]);
    expect(rest.requestsTo('/fapi/v1/klines')).toHaveLength(2);
    expect(history.gaps).toEqual([]);
  });

  it('loads from a start time up to the forming bar when given one', async () => {
    const { rest } = await startMarket(BARS);
    const startTime = BARS[1800].openTime;

    const history = await session({ rest }, { startTime }).loadHistory();

    expect(history.klines.map((k) => k.openTime)).toEqual(BARS.slice(1800, HISTORY).map((k) => k.openTime));
    const query = rest.requestsTo('/fapi/v1/klines')[0].query;
    expect(query.get('startTime')).toBe(String(startTime));
    expect(query.has('endTime')).toBe(false);
  });

  it('loads a warm-up before the start time for the model, and says where the asked-for history begins', async () => {
    const { rest } = await startMarket(BARS);
    const startTime = BARS[1800].openTime;

    const history = await session({ rest }, { startTime, warmupMs: 100 * HOUR }).loadHistory();

    expect(history.viewStart).toBe(startTime);
    expect(history.klines.map((k) => k.openTime)).toEqual(BARS.slice(1700, HISTORY).map((k) => k.openTime));
  });

  it('loads a warm-up before a lookback too', async () => {
    const { rest } = await startMarket(BARS);
    const history = await session({ rest }, { lookback: 200 * HOUR, warmupMs: 100 * HOUR }).loadHistory();
    const view = history.klines.filter((k) => k.openTime >= history.viewStart);
    expect(history.klines.length - view.length).toBeGreaterThanOrEqual(99);
    expect(view.length).toBeGreaterThanOrEqual(195);
    expect(view.length).toBeLessThanOrEqual(201);
  });

  it("asks for the interval's open-interest history while the klines page in, and returns its points", async () => {
    const { rest } = await startMarket(BARS);

    const history = await session({ rest }).loadHistory();

    expect(history.openInterest).toHaveLength(500);
    expect(history.openInterest?.[499].timestamp).toBe(BARS[HISTORY - 1].openTime + HOUR);
    expect(history.warnings).toEqual([]);
    const paths = rest.requests.map((r) => r.path);
    expect(paths.indexOf(OI_PATH)).toBeLessThan(paths.lastIndexOf('/fapi/v1/klines'));
    const query = rest.requestsTo(OI_PATH)[0].query;
    expect([query.get('symbol'), query.get('period'), query.get('limit')]).toEqual([SYMBOL, INTERVAL, '500']);
  });

  it('turns an open-interest failure into a warning naming it, and still loads the history (sizes stay relative heat)', async () => {
    const { rest } = await startMarket(BARS);
    rest.fault({ path: OI_PATH, status: 400, body: '{"code":-1130,"msg":"Data sent for parameter \'limit\' is not valid."}' });

    const history = await session({ rest }).loadHistory();

    expect(history.klines).toHaveLength(HISTORY);
    expect(history.openInterest).toBeUndefined();
    expect(history.warnings).toHaveLength(1);
    expect(history.warnings[0]).toMatch(/^open interest unavailable \(.*-1130.*\); sizes are relative heat$/);
  });

  it('asks for no open interest when told not to', async () => {
    const { rest } = await startMarket(BARS);

    const history = await session({ rest }, { openInterest: false }).loadHistory();

    expect(history.openInterest).toBeUndefined();
    expect(history.warnings).toEqual([]);
    expect(rest.requestsTo(OI_PATH)).toHaveLength(0);
  });

  it('asks for the period it is given instead of the interval', async () => {
    const { rest } = await startMarket(BARS);

    await session({ rest }, { openInterest: '1d' }).loadHistory();

    expect(rest.requestsTo(OI_PATH)[0].query.get('period')).toBe('1d');
  });

  it('reports gaps in the klines as a warning', async () => {
    const { rest } = await startMarket(BARS);
    rest.setKlines(SYMBOL, INTERVAL, [...BARS.slice(0, 1000), ...BARS.slice(1003, HISTORY)]);

    const history = await session({ rest }).loadHistory();

    expect(history.gaps).toEqual([{ after: BARS[999].openTime, before: BARS[1003].openTime, missing: 3 }]);
    expect(history.warnings).toEqual(["1 gap(s) in Binance's klines (reported, not filled)"]);
  });

  it('rejects with the BinanceError when the klines cannot be fetched', async () => {
    const { rest } = await startMarket(BARS);
    rest.fault({ path: '/fapi/v1/klines', status: 400, body: '{"code":-1121,"msg":"Invalid symbol."}' });

    const error = await session({ rest }).loadHistory().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BinanceError);
    expect((error as BinanceError).code).toBe(-1121);
  });
});

describe('Binance session: live feed', () => {
  it('resumes from the last loaded bar, closes it once the stream moves on, then delivers ticks and closed bars in order', async () => {
    const { rest, stream } = await startMarket(BARS);
    const s = session({ rest, stream });
    await s.loadHistory();
    const last = BARS[HISTORY - 1];

    const live = follow(s);
    await waitFor(() => stream.clients === 1 && live.klines.length === 1, 'the connection and the resynced last bar');
    expect(stream.urls[0]).toBe(`/market/stream?streams=${SYMBOL.toLowerCase()}@kline_${INTERVAL}/${SYMBOL.toLowerCase()}@markPrice@1s`);
    expect(live.klines[0]).toMatchObject({ openTime: last.openTime, close: last.close, closed: false });
    stream.advance(2 * stream.ticksPerBar);
    await waitFor(() => live.klines.length === 2 + 2 * stream.ticksPerBar, 'the last bar closed and two bars of ticks');

    expect(live.klines[1]).toMatchObject({ openTime: last.openTime, close: last.close, closed: true });
    const ticks = live.klines.slice(2);
    expect(ticks.map((k) => k.openTime)).toEqual([0, 0, 0, 0, 1, 1, 1, 1].map((b) => BARS[HISTORY + b].openTime));
    expect(ticks.map((k) => k.closed)).toEqual([false, false, false, true, false, false, false, true]);
    expect(ticks[3].close).toBe(BARS[HISTORY].close);
    expect(ticks[7].close).toBe(BARS[HISTORY + 1].close);
  });

  it('passes mark-price updates on', async () => {
    const { rest, stream } = await startMarket(BARS);
    const s = session({ rest, stream });
    await s.loadHistory();
    const live = follow(s);
    await waitFor(() => live.klines.length === 1, 'the resync');

    stream.sendMarkPrice(Date.now(), '2512.25', '0.00012');
    await waitFor(() => live.marks.length === 1, 'a mark price');

    expect(live.marks[0]).toMatchObject({ markPrice: 2512.25, fundingRate: 0.00012 });
  });

  it('cannot start the live feed twice', async () => {
    const { rest } = await startMarket(BARS);
    const s = session({ rest });
    follow(s);

    expect(() => follow(s)).toThrow(/already started/);
  });
});

describe('Binance session: stopping', () => {
  it('stop() cancels a history download in progress with an aborted BinanceError', async () => {
    const { rest } = await startMarket(BARS);
    rest.fault({ path: '/fapi/v1/klines', delayMs: 2000 });
    const s = session({ rest });
    const loading = s.loadHistory().catch((e: unknown) => e);
    await waitFor(() => rest.requestsTo('/fapi/v1/klines').length === 1, 'the first page request');

    s.stop();
    const error = await loading;

    expect(error).toBeInstanceOf(BinanceError);
    expect((error as BinanceError).kind).toBe('aborted');
    expect(rest.requestsTo('/fapi/v1/klines')).toHaveLength(1);
  });

  it('an aborted signal stops the live feed: the socket closes and the status says stopped', async () => {
    const { rest, stream } = await startMarket(BARS);
    const controller = new AbortController();
    const s = session({ rest, stream }, { signal: controller.signal });
    await s.loadHistory();
    const live = follow(s);
    await waitFor(() => stream.clients === 1 && live.klines.length === 1, 'the connection');

    controller.abort(new Error('page closed'));
    await waitFor(() => stream.clients === 0, 'the socket to close');
    stream.advance(2);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(live.statuses[live.statuses.length - 1]).toEqual({ state: 'stopped' });
    expect(live.klines).toHaveLength(1);
    expect(s.signal.aborted).toBe(true);
  });

  it('a signal aborted before loading rejects without a request', async () => {
    const { rest } = await startMarket(BARS);
    const controller = new AbortController();
    controller.abort(new Error('gone'));

    await expect(session({ rest }, { signal: controller.signal }).loadHistory()).rejects.toThrow(/abort/);
    expect(rest.requests).toHaveLength(0);
  });
});

describe('Binance session: options', () => {
  it('refuses a bad symbol, lookback or open-interest period when made, before any request', async () => {
    const { rest } = await startMarket(BARS);

    expect(() => session({ rest }, { symbol: 'BTC USDT' })).toThrow(/^BinanceSession options: invalid Binance symbol "BTC USDT"/);
    expect(() => session({ rest }, { lookback: '7x' })).toThrow(/^BinanceSession options: invalid duration "7x"/);
    expect(() => session({ rest }, { openInterest: '3m' as never })).toThrow(/^BinanceSession options: invalid open-interest period "3m"/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rest.requests).toHaveLength(0);
  });

  it('refuses an unknown option, naming it', async () => {
    const { rest } = await startMarket(BARS);

    expect(() => session({ rest }, { restBaseURL: rest.url } as never)).toThrow(new RangeError("BinanceSession options: unknown option 'restBaseURL' (did you mean 'restBaseUrl'?)"));
  });
});
