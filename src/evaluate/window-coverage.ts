import type { KlineSeries } from '../klines/kline';
import { closedCountAt } from '../klines/slice-series';

/** Bars of history a window needs before t0. */
export const MIN_HISTORY_BARS = 24;

/**
 * Why `series` cannot score a window at `t0` with a `horizonMs` path after it, or null when it can: it
 * needs 24 bars before t0, the bar holding t0 right after the last closed one (no gap at t0), and bars
 * through t0 + horizon.
 */
export function windowCoverage(series: KlineSeries, t0: number, horizonMs: number): string | null {
  const interval = series.intervalMs;
  const end = closedCountAt(series, t0);
  if (series.length === 0 || end < MIN_HISTORY_BARS || t0 - series.openTime[0] < interval * MIN_HISTORY_BARS) return 'klines do not cover this window (fewer than 24 bars before it)';
  if (series.openTime[series.length - 1] + interval < t0 + horizonMs) return 'klines do not cover this window (they end before its horizon)';
  if (end >= series.length || series.openTime[end] > t0) return 'klines have a gap at this window';
  return null;
}
