import { afterEach } from 'vitest';
import { BinanceRestClient } from '../../src/binance/rest-client';
import type { BinanceRestOptions } from '../../src/binance/rest-options';
import { FakeBinance } from './fake-binance-http';

/** A fake Binance server and a client wired to it with a fake clock and a recording, instant sleep. */
export interface RestKit {
  server: FakeBinance;
  client: BinanceRestClient;
  /** Every wait the client asked for, in ms. */
  sleeps: number[];
  /** The fake clock (epoch ms); each sleep advances it. */
  clock: { now: number };
  /** Every `onWeight` report. */
  weights: number[];
}

const running: FakeBinance[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** Half a minute into 2025-01-01, so weight waits are to a known minute boundary. */
export const KIT_START = Date.UTC(2025, 0, 1, 0, 0, 30);

/** Starts a server and a client (closed after the test). `options` override the client's. */
export async function startKit(options: BinanceRestOptions = {}): Promise<RestKit> {
  const clock = { now: KIT_START };
  const server = await FakeBinance.start({ now: () => clock.now });
  running.push(server);
  const sleeps: number[] = [];
  const weights: number[] = [];
  const client = new BinanceRestClient({
    baseUrl: server.url,
    backoff: { baseMs: 500, maxMs: 20_000, random: () => 0.5 },
    now: () => clock.now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      clock.now += ms;
    },
    onWeight: (w) => weights.push(w),
    ...options,
  });
  return { server, client, sleeps, clock, weights };
}
