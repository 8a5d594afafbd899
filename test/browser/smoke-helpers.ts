import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { near, type Rgb } from './page-harness';

/** Candle colours fixtures/smoke.js sets (lightweight-charts' defaults, fixed so tests can count them). */
export const UP = '#26a69a';
export const DOWN = '#ef5350';
export const WHITE: Rgb = [255, 255, 255];
export const candleClasses = { up: near(UP, 4), down: near(DOWN, 4) };

/** Synthetic klines as lightweight-charts candlestick data (time in seconds), for /data/klines.json. */
export function smokeBars(count = 120, seed = 7) {
  return syntheticKlines(count, { seed }).map((k) => ({ time: k.openTime / 1000, open: k.open, high: k.high, low: k.low, close: k.close }));
}
