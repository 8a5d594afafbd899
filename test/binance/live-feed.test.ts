import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BinanceLiveFeed } from '../../src/binance/live-feed';
import type { LiveFeedOptions, LiveFeedStatus, WebSocketFactory } from '../../src/binance/live-feed-types';
import type { MarkPriceUpdate } from '../../src/binance/binance-types';
import type { Kline } from '../../src/klines/kline';
import { seededRandom } from '../../src/klines/synthetic-klines';
import { must } from '../helpers/must';
import { FakeStream, truthKlines } from './live-fake-stream';

const TRUTH = truthKlines(600);
const BARS = TRUTH.bars;
const WS: WebSocketFactory = WebSocket;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await must(cleanups.pop(), 'a cleanup')();
});

async function market(ticksPerBar = 4): Promise<FakeStream> {
  const stream = await FakeStream.start({ symbol: 'ETHUSDT', interval: TRUTH.interval, bars: BARS, ticksPerBar });
  cleanups.push(() => stream.close());
  return stream;
}

interface Run {
  feed: BinanceLiveFeed;
  klines: Kline[];
  statuses: LiveFeedStatus[];
  marks: MarkPriceUpdate[];
}

function run(stream: FakeStream, extra: Partial<LiveFeedOptions> = {}): Run {
  const out: Run = { feed: undefined as unknown as BinanceLiveFeed, klines: [], statuses: [], marks: [] };
  out.feed = new BinanceLiveFeed({
    symbol: 'ETHUSDT',
    interval: TRUTH.interval,
    wsBaseUrl: stream.baseUrl,
    WebSocket: WS,
    fetchKlines: stream.fetchKlines,
    onKline: (k) => out.klines.push(k),
    onMarkPrice: (m) => out.marks.push(m),
    onStatus: (s) => out.statuses.push(s),
    backoff: { baseMs: 2, maxMs: 20, random: seededRandom(7) },
    ...extra,
  });
  cleanups.push(() => out.feed.stop());
  out.feed.start();
  return out;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const states = (r: Run) => r.statuses.map((s) => s.state);
const closedBars = (r: Run) => r.klines.filter((k) => k.closed === true);
const opened = (r: Run) => r.statuses.filter((s) => s.state === 'open').length;

/** A kline's values without the `closed` flag. */
function values(k: Kline): Omit<Kline, 'closed'> {
  const { closed: _closed, ...rest } = k;
  return rest;
}

/** The delivered closed bars are exactly the first `count` true bars: none lost, none doubled, none altered. */
function expectExactTruth(r: Run, count: number): void {
  expect(closedBars(r).map(values)).toEqual(BARS.slice(0, count).map(values));
}

/** Open times never decrease and nothing for a bar arrives after it was delivered closed. */
function expectOrdered(r: Run): void {
  let lastClosed = -Infinity;
  for (let i = 0; i < r.klines.length; i++) {
    const k = r.klines[i];
    if (i > 0) expect(k.openTime).toBeGreaterThanOrEqual(r.klines[i - 1].openTime);
    expect(k.openTime).toBeGreaterThan(lastClosed);
    if (k.closed) lastClosed = k.openTime;
  }
}

/** Moves the market to the first tick of the next bar and waits until every bar before it was delivered closed. */
async function finishAndCheck(stream: FakeStream, r: Run): Promise<void> {
  stream.advanceTo(stream.position.bar + 1, 0);
  const count = stream.position.bar;
  await waitFor(() => closedBars(r).length >= count && r.klines.at(-1)?.openTime === BARS[count].openTime, `${count} closed bars`);
  expectExactTruth(r, count);
  expectOrdered(r);
}

describe('BinanceLiveFeed against a local Binance stream server', () => {
  it('connects to /market/stream with lowercase symbol streams for the kline and the 1s mark price', async () => {
    const stream = await market();
    const r = run(stream, { symbol: 'ETHUSDT' });
    await waitFor(() => opened(r) === 1, 'open');
    const path = '/market/stream?streams=ethusdt@kline_1m/ethusdt@markPrice@1s';
    expect(stream.urls).toEqual([path]);
    expect(stream.badPaths).toEqual([]);
    expect(r.feed.url).toBe(stream.baseUrl + path);
    expect(r.statuses[0]).toEqual({ state: 'connecting', attempt: 0, url: stream.baseUrl + path });
    const dflt = new BinanceLiveFeed({ symbol: 'BtcUsdt', interval: '1M', WebSocket: WS, fetchKlines: async () => [], onKline: () => {} });
    expect(dflt.url).toBe('wss://fstream.binance.com/market/stream?streams=btcusdt@kline_1M/btcusdt@markPrice@1s');
  });

  it('refuses an unknown option, naming it and the option it is closest to', () => {
    expect(() => new BinanceLiveFeed({ symbol: 'BTCUSDT', interval: '1m', WebSocket: WS, fetchKlines: async () => [], onKline: () => {}, onStaus: () => {} } as never)).toThrow(
      new RangeError("BinanceLiveFeed options: unknown option 'onStaus' (did you mean 'onStatus'?)"),
    );
  });

  it('ticks update the forming bar and x:true closes it', async () => {
    const stream = await market();
    const r = run(stream);
    await waitFor(() => opened(r) === 1, 'open');
    stream.advanceTo(1, 0);
    await waitFor(() => r.klines.length === 5, '5 klines');
    expect(r.klines.map((k) => k.closed)).toEqual([false, false, false, true, false]);
    for (let tick = 0; tick < 4; tick++) expect(values(r.klines[tick])).toEqual(values(stream.klineAt(0, tick)));
    expect(values(r.klines[3])).toEqual(values(BARS[0]));
    expect(r.klines[4].openTime).toBe(BARS[1].openTime);
    expect(stream.fetches).toEqual([]); // nothing was missed, so no REST call
  });

  it('a socket dropped mid-bar, with bars missed while down, is resynced: closed bars equal the truth exactly', async () => {
    const stream = await market();
    stream.advanceTo(0, 1, false); // the caller loaded bar 0 while it was forming
    const r = run(stream, { since: BARS[0].openTime });
    await waitFor(() => stream.fetches.length === 1 && r.klines.length === 1, 'first resync');
    expect(stream.fetches[0].start).toBe(BARS[0].openTime);
    stream.advanceTo(3, 1);
    await waitFor(() => r.klines.at(-1)?.openTime === BARS[3].openTime, 'bar 3 forming');
    stream.refusing = true;
    stream.drop();
    stream.advanceTo(12, 2, false); // nine bars go by while the client cannot connect
    await waitFor(() => stream.refused >= 2, 'refused reconnects');
    stream.refusing = false;
    await waitFor(() => stream.accepted === 2 && stream.fetches.length === 2, 'reconnect and resync');
    expect(stream.fetches[1].start).toBe(BARS[3].openTime); // from the bar that was forming
    stream.advanceTo(20, 2);
    await finishAndCheck(stream, r);
    expect(states(r)).toContain('reconnecting');
  });

  it('100 forced disconnects in a row still end with the exact truth', async () => {
    const stream = await market();
    const random = seededRandom(2024);
    const pick = (n: number) => Math.floor(random() * n);
    stream.advanceTo(0, 0, false);
    const r = run(stream, { since: BARS[0].openTime, backoff: { baseMs: 1, maxMs: 8, random: seededRandom(99) } });
    for (let i = 0; i < 100; i++) {
      const fetched = stream.fetches.length;
      await waitFor(() => stream.accepted === i + 1, `connection ${i + 1}`);
      // Half the time the drop comes only after the resync started, else it may come before the client saw 'open'.
      if (pick(2) === 1) await waitFor(() => stream.fetches.length > fetched, `resync ${i + 1}`);
      stream.advance(pick(6)); // delivered live
      stream.advance(pick(3), false); // lost in flight
      stream.advance(pick(2));
      stream.drop();
      stream.advance(pick(6), false); // missed while down
    }
    await waitFor(() => stream.accepted === 101, 'last connection');
    await finishAndCheck(stream, r);
    expect(stream.position.bar).toBeGreaterThan(100);
    expect(r.statuses.filter((s) => s.state === 'reconnecting')).toHaveLength(100);
  });

  it('duplicate and out-of-order messages are ignored', async () => {
    const stream = await market();
    const r = run(stream);
    await waitFor(() => opened(r) === 1, 'open');
    const script: [number, number][] = [
      [0, 0], [0, 1], [0, 1], [0, 0], [0, 2], [0, 3], [0, 3], [0, 2], [1, 0], [0, 3], [1, 1], [1, 0], [0, 1], [1, 3], [1, 3], [1, 2], [2, 0],
    ];
    for (const [bar, tick] of script) stream.send(stream.klineMessage(bar, tick));
    await waitFor(() => r.klines.at(-1)?.openTime === BARS[2].openTime, 'bar 2');
    const expected: [number, number][] = [[0, 0], [0, 1], [0, 2], [0, 3], [1, 0], [1, 1], [1, 3], [2, 0]];
    expect(r.klines.map(values)).toEqual(expected.map(([bar, tick]) => values(stream.klineAt(bar, tick))));
    expect(r.klines.map((k) => k.closed)).toEqual([false, false, false, true, false, false, true, false]);
    expect(stream.fetches).toEqual([]);
  });

  it('a newer bar without the previous close triggers a REST resync instead of losing the bar', async () => {
    const stream = await market();
    const r = run(stream);
    await waitFor(() => opened(r) === 1, 'open');
    stream.advanceTo(0, 1);
    await waitFor(() => r.klines.length === 2, 'two ticks');
    stream.advanceTo(0, 3, false); // the x:true message never arrives
    stream.advanceTo(1, 0);
    await waitFor(() => r.klines.at(-1)?.openTime === BARS[1].openTime, 'bar 1');
    expect(stream.fetches.map((f) => f.start)).toEqual([BARS[0].openTime]);
    expectExactTruth(r, 1);
    expectOrdered(r);
    expect(states(r)).toContain('resyncing');
  });

  it('a whole bar missing after a close is fetched by REST before the next bar', async () => {
    const stream = await market();
    const r = run(stream);
    await waitFor(() => opened(r) === 1, 'open');
    stream.advanceTo(1, 3);
    await waitFor(() => closedBars(r).length === 2, 'two closed bars');
    stream.advanceTo(2, 3, false); // bar 2 never reaches the socket
    stream.advanceTo(3, 0);
    await waitFor(() => r.klines.at(-1)?.openTime === BARS[3].openTime, 'bar 3');
    expect(stream.fetches).toHaveLength(1);
    expectExactTruth(r, 3);
    expectOrdered(r);
  });

  it('live messages arriving during a resync wait for it; the stale ones are dropped', async () => {
    const stream = await market();
    stream.advanceTo(2, 1, false);
    let release = () => {};
    stream.fetchGate = new Promise<void>((resolve) => (release = resolve));
    const r = run(stream, { since: BARS[0].openTime });
    await waitFor(() => stream.fetches.length === 1, 'resync started');
    stream.advanceTo(3, 0); // (2,2) (2,3) (3,0) arrive while REST is pending
    stream.send(stream.klineMessage(1, 3));
    stream.send(stream.klineMessage(0, 3));
    await sleep(30);
    expect(r.klines).toEqual([]);
    release();
    await waitFor(() => r.klines.length === 5, 'five klines');
    expectExactTruth(r, 3);
    expectOrdered(r);
    expect(r.klines.slice(3).map((k) => [k.openTime, k.closed])).toEqual([[BARS[3].openTime, false], [BARS[3].openTime, false]]);
  });

  it('mark price updates reach onMarkPrice; stale and repeated ones do not', async () => {
    const stream = await market();
    const r = run(stream);
    await waitFor(() => opened(r) === 1, 'open');
    const t = BARS[0].openTime;
    stream.sendMarkPrice(t, '2637.51000000', '0.00010000');
    stream.sendMarkPrice(t + 1000, '2637.90000000', '-0.00002500');
    stream.sendMarkPrice(t + 500, '1.00000000', '0');
    stream.sendMarkPrice(t + 1000, '2.00000000', '0');
    stream.advanceTo(0, 0); // socket order: once this kline is in, every update before it was handled
    await waitFor(() => r.klines.length === 1, 'kline');
    expect(r.marks).toEqual([
      { time: t, markPrice: 2637.51, fundingRate: 0.0001 },
      { time: t + 1000, markPrice: 2637.9, fundingRate: -0.000025 },
    ]);
  });

  it('renews the connection before renewAfterMs and keeps the data exact', async () => {
    const stream = await market();
    stream.advanceTo(0, 0, false);
    const r = run(stream, { since: BARS[0].openTime, renewAfterMs: 120 });
    await waitFor(() => opened(r) === 1, 'open');
    const ticker = setInterval(() => stream.advance(1), 4);
    cleanups.push(() => clearInterval(ticker));
    await waitFor(() => opened(r) >= 4, 'three renewals');
    clearInterval(ticker);
    await finishAndCheck(stream, r);
    expect(states(r).filter((s) => s === 'renewing').length).toBeGreaterThanOrEqual(3);
    expect(states(r)).not.toContain('reconnecting');
    await waitFor(() => stream.clients === 1, 'old connections closed');
    expect(stream.closeCodes.every((code) => code === 1000)).toBe(true);
  });

  it('a renewal whose fresh connection is refused keeps the current one and tries again', async () => {
    const stream = await market();
    const r = run(stream, { renewAfterMs: 60, backoff: { baseMs: 20, maxMs: 20, random: () => 0 } });
    await waitFor(() => opened(r) === 1, 'open');
    stream.refusing = true;
    await waitFor(() => stream.refused >= 3, 'three refused renewals');
    stream.advanceTo(0, 1);
    await waitFor(() => r.klines.length === 2, 'ticks on the kept connection');
    stream.refusing = false;
    await waitFor(() => opened(r) === 2 && stream.clients === 1, 'renewed');
    expect(states(r)).not.toContain('reconnecting');
    stream.advanceTo(0, 3);
    await waitFor(() => closedBars(r).length === 1, 'bar 0 closed');
    expectExactTruth(r, 1);
  });

  it('reconnects when no message arrives for idleTimeoutMs, and not while messages flow', async () => {
    const stream = await market();
    const r = run(stream, { idleTimeoutMs: 200 });
    await waitFor(() => opened(r) === 1, 'open');
    const t = BARS[0].openTime;
    for (let i = 1; i <= 10; i++) {
      await sleep(30);
      stream.sendMarkPrice(t + i * 1000, '2600', '0.0001');
    }
    expect(stream.accepted).toBe(1);
    await waitFor(() => stream.accepted === 2, 'reconnect after silence', 1000);
    const reconnect = r.statuses.find((s) => s.state === 'reconnecting');
    expect(reconnect).toMatchObject({ reason: 'no message for 200 ms' });
    await waitFor(() => stream.serverSawClose >= 1, 'server sees the idle socket closed');
  });

  it('stop() closes the socket and no callback fires after it', async () => {
    const stream = await market();
    stream.advanceTo(0, 0, false);
    const r = run(stream, { since: BARS[0].openTime });
    stream.advanceTo(0, 2);
    await waitFor(() => r.klines.at(-1)?.close === stream.klineAt(0, 2).close, 'tick 2');
    r.feed.stop();
    expect(r.statuses.at(-1)).toEqual({ state: 'stopped' });
    expect(r.feed.running).toBe(false);
    const seen = [r.klines.length, r.statuses.length, r.marks.length];
    await waitFor(() => stream.serverSawClose === 1 && stream.clients === 0, 'server sees the close');
    expect(stream.closeCodes).toEqual([1000]);
    stream.advanceTo(2, 1);
    stream.sendMarkPrice(BARS[2].openTime, '2600', '0');
    await sleep(80);
    expect([r.klines.length, r.statuses.length, r.marks.length]).toEqual(seen);
    expect(stream.accepted).toBe(1);
    expect(() => r.feed.start()).toThrow(/cannot be restarted/);
  });

  it('stop() from inside a status listener takes effect at once', async () => {
    const stream = await market();
    stream.advanceTo(0, 0, false);
    let feed: BinanceLiveFeed | undefined;
    const r = run(stream, { since: BARS[0].openTime, onStatus: (s) => (s.state === 'open' ? feed?.stop() : undefined) });
    feed = r.feed;
    await waitFor(() => stream.serverSawClose === 1, 'server sees the close');
    await sleep(30);
    expect(stream.fetches).toEqual([]);
    expect(stream.accepted).toBe(1);
  });

  it('stop() during a resync aborts the pending fetchKlines', async () => {
    const stream = await market();
    stream.advanceTo(0, 0, false);
    stream.fetchGate = new Promise<void>(() => {});
    const r = run(stream, { since: BARS[0].openTime });
    await waitFor(() => stream.fetches.length === 1, 'resync started');
    expect(stream.fetchSignals[0].aborted).toBe(false);
    r.feed.stop();
    expect(stream.fetchSignals[0].aborted).toBe(true);
    const seen = r.statuses.length;
    await sleep(50);
    expect(r.statuses).toHaveLength(seen);
    expect(r.klines).toEqual([]);
  });

  it('stop() cancels a pending reconnect', async () => {
    const stream = await market();
    stream.refusing = true;
    const r = run(stream, { backoff: { baseMs: 400, maxMs: 400, random: () => 0 } });
    await waitFor(() => states(r).includes('reconnecting'), 'reconnecting');
    expect(r.statuses.find((s) => s.state === 'reconnecting')).toMatchObject({ inMs: 200, attempt: 1 });
    r.feed.stop();
    await sleep(250);
    expect(stream.refused).toBe(1);
    expect(states(r).at(-1)).toBe('stopped');
  });

  it('aborting options.signal stops the feed', async () => {
    const stream = await market();
    const controller = new AbortController();
    const r = run(stream, { signal: controller.signal });
    await waitFor(() => opened(r) === 1, 'open');
    controller.abort();
    expect(r.feed.running).toBe(false);
    expect(states(r).at(-1)).toBe('stopped');
    await waitFor(() => stream.serverSawClose === 1, 'server sees the close');
    const already = new AbortController();
    already.abort();
    const idle = run(stream, { signal: already.signal });
    expect(states(idle)).toEqual(['stopped']);
    await sleep(30);
    expect(stream.accepted).toBe(1);
  });

  it('an exception in onKline is reported as an error status and the feed goes on', async () => {
    const stream = await market();
    const got: Kline[] = [];
    const r = run(stream, {
      onKline: (k) => {
        got.push(k);
        if (got.length === 1) throw new Error('consumer bug');
      },
    });
    await waitFor(() => opened(r) === 1, 'open');
    stream.advanceTo(0, 2);
    await waitFor(() => got.length === 3, 'three klines');
    expect(r.statuses.filter((s) => s.state === 'error')).toMatchObject([{ error: { message: 'consumer bug' } }]);
  });

  it('fetchKlines failing reports an error status and retries with growing backoff', async () => {
    const stream = await market();
    stream.advanceTo(1, 1, false);
    stream.failFetches = 3;
    const r = run(stream, { since: BARS[0].openTime, backoff: { baseMs: 20, maxMs: 1000, random: () => 0.5 }, healthyAfterMs: 0 });
    await waitFor(() => stream.fetches.length === 4 && closedBars(r).length === 1, 'fourth fetch succeeds');
    const errors = r.statuses.filter((s) => s.state === 'error');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatchObject({ error: { message: 'HTTP 503 from the fake REST' } });
    const waits = r.statuses.flatMap((s) => (s.state === 'reconnecting' ? [[s.inMs, s.attempt]] : []));
    expect(waits).toEqual([[15, 1], [30, 2], [60, 3]]);
    for (let i = 1; i < 4; i++) expect(stream.fetches[i].at - stream.fetches[i - 1].at).toBeGreaterThanOrEqual(waits[i - 1][0] - 1);
    expect(states(r).slice(0, 5)).toEqual(['connecting', 'open', 'resyncing', 'error', 'reconnecting']);
    stream.advanceTo(3, 2);
    await finishAndCheck(stream, r);
    // Once a resynced connection has stayed up for healthyAfterMs (0 here), the pacing starts again from the base.
    await sleep(10);
    stream.drop();
    await waitFor(() => r.statuses.filter((s) => s.state === 'reconnecting').length === 4, 'reconnect after drop');
    expect(r.statuses.filter((s) => s.state === 'reconnecting').at(-1)).toMatchObject({ inMs: 15, attempt: 1 });
  });

  it("a failed fetch's retryAfterMs is the least reconnect delay", async () => {
    const stream = await market();
    stream.advanceTo(0, 1, false);
    stream.failFetches = 1;
    stream.failRetryAfterMs = 120;
    const r = run(stream, { since: BARS[0].openTime, backoff: { baseMs: 1, maxMs: 5, random: () => 0.5 } });
    await waitFor(() => stream.fetches.length === 2, 'second fetch');
    expect(r.statuses.find((s) => s.state === 'reconnecting')).toMatchObject({ inMs: 120 });
    expect(stream.fetches[1].at - stream.fetches[0].at).toBeGreaterThanOrEqual(119);
  });
});
