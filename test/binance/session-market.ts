import { afterEach } from 'vitest';
import type { Kline } from '../../src/klines/kline';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { FakeBinance, sharedCsvKlines } from './fake-binance-http';
import { FakeStream } from './live-fake-stream';

/** The market the session tests follow: ETHUSDT 1h, an interval with an open-interest period. */
export const SYMBOL = 'ETHUSDT';
export const INTERVAL = '1h';
export const HOUR = 3_600_000;
/** Bars the REST server knows at the start: more than one 1500-bar page. */
export const HISTORY = 2000;
/** A lookback covering all of them. */
export const LOOKBACK = '90d';

const CSV = 'ETHUSDT-PERP_1h_tjf_2020-2026.csv';

/**
 * `count` real ETHUSDT 1h bars (the last of the shared CSV; synthetic ones, with a warning, when
 * ../shared is absent), re-timed one hour apart so the first `HISTORY` end a few hours before now:
 * a lookback from the wall clock then covers them, and the bars after them are the "live" ones.
 */
export function recentBars(count: number): Kline[] {
  const start = Math.floor(Date.now() / HOUR) * HOUR - (HISTORY + 3) * HOUR;
  const real = sharedCsvKlines(CSV);
  if (real === undefined) console.warn(`session tests on synthetic bars: ../shared/data/binance/klines/${CSV} is absent`);
  const source = real && real.length >= count ? real.slice(-count) : syntheticKlines(count, { intervalMs: HOUR, price: 2500, volatility: 0.006 });
  return source.map((k, i) => ({ ...k, openTime: start + i * HOUR, closeTime: start + (i + 1) * HOUR - 1 }));
}

/** `/futures/data/openInterestHist` rows in Binance's shape, one per bar (the last 500), at each bar's close. */
export function openInterestBody(bars: readonly Kline[]): string {
  const rows = bars.slice(-500).map((k, i) => {
    const contracts = 2_000_000 * (1 + 0.05 * Math.sin(i / 20));
    return { symbol: SYMBOL, sumOpenInterest: contracts.toFixed(3), sumOpenInterestValue: (contracts * k.close).toFixed(8), timestamp: String(k.openTime + HOUR) };
  });
  return JSON.stringify(rows);
}

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of running.splice(0)) await close();
});

/**
 * A loopback Binance: REST (`FakeBinance`) knowing the first `HISTORY` bars and their open interest,
 * and the kline stream (`FakeStream`) positioned on the last of them, so the next ticks are bar
 * `HISTORY`'s. Both close after the test.
 */
export async function startMarket(bars: Kline[], options: { openInterest?: boolean } = {}): Promise<{ rest: FakeBinance; stream: FakeStream }> {
  const rest = await FakeBinance.start();
  const stream = await FakeStream.start({ symbol: SYMBOL, interval: INTERVAL, bars });
  running.push(() => rest.close(), () => stream.close());
  rest.setKlines(SYMBOL, INTERVAL, bars.slice(0, HISTORY));
  if (options.openInterest ?? true) rest.setBody('/futures/data/openInterestHist', openInterestBody(bars.slice(0, HISTORY)));
  stream.advanceTo(HISTORY - 1, stream.ticksPerBar - 1, false);
  return { rest, stream };
}

/** Resolves once `condition` holds; fails naming `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
