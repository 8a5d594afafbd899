/**
 * Timing and summary statistics for the benchmarks: median, min and max of repeated runs, timed
 * with `performance.now()` after warm-up runs whose times are thrown away.
 */
import { performance } from 'node:perf_hooks';

/** Median, min, max and count of `samples` (any order). */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: NaN, min: NaN, max: NaN, runs: 0 };
  const mid = n >> 1;
  const median = n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[n - 1], runs: n };
}

/** Calls `fn` `warmup` times untimed, then `runs` times timed; returns the summary in ms. */
export function timeRuns(fn, { warmup = 1, runs = 5 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { ...summarize(samples), samples };
}

/**
 * Calls `fn(i)` for `i` in `[0, count)` in `batches` timed batches (after one untimed warm-up batch of
 * the same size); returns the summary of per-call time in µs over the batches.
 */
export function timeBatches(fn, { count, batches }) {
  const size = Math.max(1, Math.floor(count / batches));
  for (let i = 0; i < size; i++) fn(i % count);
  const samples = [];
  for (let b = 0; b < batches; b++) {
    const from = b * size;
    const t0 = performance.now();
    for (let i = from; i < from + size; i++) fn(i % count);
    samples.push(((performance.now() - t0) * 1000) / size);
  }
  return { ...summarize(samples), samples, perBatch: size };
}
