import type { KlineSeries } from './kline';

/** Bars `[from, to)` of a series as views (no copy), with gaps trimmed to match. */
export function sliceRange(series: KlineSeries, from: number, to: number): KlineSeries {
  const start = Math.max(0, Math.min(series.length, from));
  const end = Math.max(start, Math.min(series.length, to));
  if (start === 0 && end === series.length) return series;
  const view = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(series)) view[key] = value instanceof Float64Array ? value.subarray(start, end) : value;
  const t0 = end > start ? series.openTime[start] : Infinity;
  const t1 = end > start ? series.openTime[end - 1] : -Infinity;
  return { ...(view as unknown as KlineSeries), length: end - start, gaps: series.gaps.filter((g) => g.after >= t0 && g.before <= t1) };
}

/** The first `count` bars of `series` (views, no copy), with gaps trimmed to match. */
export function sliceSeries(series: KlineSeries, count: number): KlineSeries {
  return sliceRange(series, 0, count);
}

/** Index of the first bar opening at or after `time` (`series.length` when none does). */
export function firstBarAtOrAfter(series: KlineSeries, time: number): number {
  return firstAtOrAfter(series.openTime, time, 0, series.length);
}

/** The first index in `[from, to)` of the ascending `times` whose time is at least `time` (`to` when none). */
export function firstAtOrAfter(times: ArrayLike<number>, time: number, from = 0, to = times.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The bars a report at the last bar needs: from the last bar opened at or before `warmupMs` earlier (or
 * the first bar, when the series is shorter), so the report depends on the market, not on how far back the
 * series happens to reach.
 */
export function warmupWindow(series: KlineSeries, warmupMs: number): KlineSeries {
  if (series.length === 0) return series;
  const boundary = series.openTime[series.length - 1] - warmupMs;
  const after = firstBarAtOrAfter(series, boundary);
  const start = after < series.length && series.openTime[after] === boundary ? after : Math.max(0, after - 1);
  return sliceRange(series, start, series.length);
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
