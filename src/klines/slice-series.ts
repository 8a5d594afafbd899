import type { KlineSeries } from './kline';

/** The first `count` bars of `series` (views, no copy), with gaps trimmed to match. */
export function sliceSeries(series: KlineSeries, count: number): KlineSeries {
  const n = Math.max(0, Math.min(series.length, count));
  if (n === series.length) return series;
  const view = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(series)) {
    view[key] = value instanceof Float64Array ? value.subarray(0, n) : value;
  }
  const lastTime = n > 0 ? series.openTime[n - 1] : -Infinity;
  return { ...(view as unknown as KlineSeries), length: n, gaps: series.gaps.filter((g) => g.before <= lastTime) };
}

/**
 * How many leading bars of `series` had closed at `at` (epoch ms): those with
 * `openTime + interval <= at`. The bar still open at `at` is left out.
 */
export function closedCountAt(series: KlineSeries, at: number): number {
  const interval = series.intervalMs;
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (series.openTime[mid] + interval <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
