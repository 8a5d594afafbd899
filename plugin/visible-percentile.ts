import type { SidesOption } from './heatmap-options';

const MAX_SAMPLES = 8192;
const samples = new Float64Array(MAX_SAMPLES);

/** Density of one cell for the sides shown. */
export function cellValue(long: Float32Array, short: Float32Array, i: number, sides: SidesOption): number {
  return sides === 'both' ? long[i] + short[i] : sides === 'long' ? long[i] : short[i];
}

/**
 * The `p` percentile of non-zero cell densities over columns `[c0, c1)` (all rows), from an evenly
 * strided sample of at most 8192 cells sorted as a typed array, so it stays well under a millisecond
 * on every viewport change. 0 when all are empty.
 */
export function visiblePercentile(
  long: Float32Array,
  short: Float32Array,
  rows: number,
  c0: number,
  c1: number,
  sides: SidesOption,
  p: number,
): number {
  const cells = Math.max(0, c1 - c0) * rows;
  if (cells === 0) return 0;
  const stride = Math.max(1, Math.ceil(cells / MAX_SAMPLES));
  const start = c0 * rows;
  let n = 0;
  for (let k = 0; k < cells && n < MAX_SAMPLES; k += stride) {
    const v = cellValue(long, short, start + k, sides);
    if (v > 0) samples[n++] = v;
  }
  if (n === 0) return 0;
  const sorted = samples.subarray(0, n).sort();
  return sorted[Math.min(n - 1, Math.floor(p * (n - 1)))];
}
