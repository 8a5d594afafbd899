/** Deterministic benchmark input: a 1h random-walk kline series of `n` bars (seed 1). */
import { syntheticKlines, toKlineSeries } from '../dist/core.mjs';

/** The klines (objects) and their validated column series. */
export function benchSeries(n) {
  const klines = syntheticKlines(n);
  return { klines, series: toKlineSeries(klines) };
}
