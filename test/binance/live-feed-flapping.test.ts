import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { BinanceLiveFeed } from '../../src/binance/live-feed';
import type { LiveFeedOptions, LiveFeedStatus } from '../../src/binance/live-feed-types';
import { must } from '../helpers/must';
import { ManualClock } from './manual-clock';

const START = Date.UTC(2025, 0, 1);
/** The default reconnect pacing, with the jitter at its shortest: the most connections the defaults allow. */
const DEFAULT_BACKOFF_SHORTEST = { baseMs: 500, maxMs: 30_000, random: () => 0 };

/**
 * A loopback websocket server that accepts every connection and drops it (TCP reset) after a lifetime
 * of fake time: `lifetimes[i]` for the i-th connection, `defaultLifetimeMs` after those.
 */
async function flappingServer(clock: ManualClock, lifetimes: number[] = [], defaultLifetimeMs = 150) {
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http });
  const state = { accepted: 0, dropped: 0 };
  wss.on('connection', (socket) => {
    const lifetime = lifetimes[state.accepted] ?? defaultLifetimeMs;
    state.accepted++;
    clock.setTimeout(() => {
      state.dropped++;
      socket.terminate();
    }, lifetime);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const close = async () => {
    for (const socket of wss.clients) socket.terminate();
    wss.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  };
  return { url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`, state, close };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await must(cleanups.pop(), 'a cleanup')();
});

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Runs a feed against a flapping server for `durationMs` of fake time. Between two fake timers it waits
 * for the real loopback I/O to settle: every connection attempt accepted, opened and resynced, and every
 * drop seen by the feed.
 */
async function flap(durationMs: number, options: { lifetimes?: number[]; feed?: Partial<LiveFeedOptions> } = {}) {
  const clock = new ManualClock(START);
  const server = await flappingServer(clock, options.lifetimes);
  cleanups.push(server.close);
  const statuses: LiveFeedStatus[] = [];
  let restCalls = 0;
  let restDone = 0;
  const feed = new BinanceLiveFeed({
    symbol: 'BTCUSDT',
    interval: '1m',
    wsBaseUrl: server.url,
    WebSocket,
    since: START - 60_000,
    fetchKlines: async () => {
      restCalls++;
      await Promise.resolve();
      restDone++;
      return [];
    },
    onKline: () => {},
    onStatus: (s) => statuses.push(s),
    clock,
    ...options.feed,
  });
  cleanups.push(() => feed.stop());
  const count = (state: LiveFeedStatus['state']) => statuses.filter((s) => s.state === state).length;
  feed.start();
  for (;;) {
    await waitFor(
      () => server.state.accepted === count('connecting') && count('open') === count('connecting') && restDone === count('open') && count('reconnecting') === server.state.dropped,
      `loopback I/O to settle at ${clock.now() - START} ms`,
    );
    const next = clock.nextAt();
    if (next === undefined || next > START + durationMs) break;
    clock.runNext();
  }
  const delays = statuses.flatMap((s) => (s.state === 'reconnecting' ? [s.inMs] : []));
  return { connections: server.state.accepted, restCalls, delays };
}

describe('BinanceLiveFeed against a server that accepts and drops every connection', () => {
  it('with the default pacing, opens at most 6 connections and makes at most 6 REST calls in 15 s', async () => {
    const { connections, restCalls } = await flap(15_000, { feed: { backoff: DEFAULT_BACKOFF_SHORTEST } });
    expect(connections).toBeLessThanOrEqual(6);
    expect(restCalls).toBeLessThanOrEqual(6);
    expect(connections).toBeGreaterThanOrEqual(5);
  });

  it('keeps growing the reconnect delay although every connection opens and resyncs', async () => {
    const { delays } = await flap(15_000, { feed: { backoff: DEFAULT_BACKOFF_SHORTEST } });
    expect(delays.slice(0, 5)).toEqual([250, 500, 1000, 2000, 4000]);
  });

  it('starts the delay again from its base once a connection has stayed up for healthyAfterMs', async () => {
    const { delays } = await flap(12_000, { lifetimes: [150, 150, 150, 5_000], feed: { backoff: DEFAULT_BACKOFF_SHORTEST, healthyAfterMs: 4_000 } });
    expect(delays.slice(0, 5)).toEqual([250, 500, 1000, 250, 500]);
  });

  it('does not start the delay again for a connection that dropped before healthyAfterMs', async () => {
    const { delays } = await flap(12_000, { lifetimes: [150, 150, 150, 3_900], feed: { backoff: DEFAULT_BACKOFF_SHORTEST, healthyAfterMs: 4_000 } });
    expect(delays.slice(0, 5)).toEqual([250, 500, 1000, 2000, 4000]);
  });

  it('waits a minute of health by default', async () => {
    // The server sends nothing: the idle timeout is moved out of the way so only the lifetimes end connections.
    const feed = { backoff: DEFAULT_BACKOFF_SHORTEST, idleTimeoutMs: 300_000 };
    const { delays } = await flap(130_000, { lifetimes: [150, 150, 59_000, 150, 61_000], feed });
    expect(delays.slice(0, 5)).toEqual([250, 500, 1000, 2000, 250]);
  });
});
