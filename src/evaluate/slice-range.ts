import type { KlineSeries } from '../klines/kline';

/** Bars `[from, to)` of a series as views (no copy), with gaps trimmed to match. */
export function sliceRange(series: KlineSeries, from: number, to: number): KlineSeries {
  const view = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(series)) view[key] = value instanceof Float64Array ? value.subarray(from, to) : value;
  const t0 = series.openTime[from];
  const t1 = series.openTime[to - 1];
  return { ...(view as unknown as KlineSeries), length: to - from, gaps: series.gaps.filter((g) => g.after >= t0 && g.before <= t1) };
}

/** Index of the first bar opening at or after `time` (`series.length` when none does). */
export function firstBarAtOrAfter(series: KlineSeries, time: number): number {
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (series.openTime[mid] < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
