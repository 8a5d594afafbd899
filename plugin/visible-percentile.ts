import type { SidesOption } from './heatmap-options';

const MAX_SAMPLES = 40_000;

/** Density of one cell for the sides shown. */
export function cellValue(long: Float32Array, short: Float32Array, i: number, sides: SidesOption): number {
  return sides === 'both' ? long[i] + short[i] : sides === 'long' ? long[i] : short[i];
}

/**
 * The `p` percentile of non-zero cell densities over columns `[c0, c1)` (all rows), from an evenly
 * strided sample of at most 40 000 cells so it stays cheap on every viewport change. 0 when all are empty.
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
  const stride = Math.max(1, Math.floor(cells / MAX_SAMPLES));
  const samples: number[] = [];
  const start = c0 * rows;
  for (let k = 0; k < cells; k += stride) {
    const v = cellValue(long, short, start + k, sides);
    if (v > 0) samples.push(v);
  }
  if (samples.length === 0) return 0;
  samples.sort((a, b) => a - b);
  return samples[Math.min(samples.length - 1, Math.floor(p * (samples.length - 1)))];
}
