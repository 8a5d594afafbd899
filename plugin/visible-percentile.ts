import type { ColumnSource } from './cell-image';
import type { SidesOption } from './heatmap-options';

const MAX_SAMPLES = 8192;
/** The sample {@link sampleCells} took last (its first n values). */
export const samples = new Float64Array(MAX_SAMPLES);

/** Density of one cell for the sides shown. */
export function cellValue(long: number, short: number, sides: SidesOption): number {
  return sides === 'both' ? long + short : sides === 'long' ? long : short;
}

/**
 * The `p` percentile of non-zero raw cell densities over columns `[c0, c1)` (all `rows` rows), from an
 * evenly strided sample of at most 8192 cells (see {@link sampleCells}), picked by selection (no full
 * sort). 0 when all are empty.
 */
export function visiblePercentile(source: ColumnSource, rows: number, c0: number, c1: number, sides: SidesOption, p: number): number {
  const n = sampleCells(source, rows, c0, c1, sides);
  return n === 0 ? 0 : selectKth(samples, n, percentileRank(n, p));
}

/** The index of the `p` percentile among `n` sorted values. */
export function percentileRank(n: number, p: number): number {
  return Math.min(n - 1, Math.floor(p * (n - 1)));
}

/**
 * Fills {@link samples} with the non-zero densities of an evenly strided sample of at most 8192 of the
 * cells of columns `[c0, c1)` (cell `k` is row `k % rows` of column `c0 + k / rows`); returns how many.
 */
export function sampleCells(source: ColumnSource, rows: number, c0: number, c1: number, sides: SidesOption): number {
  const cells = Math.max(0, c1 - c0) * rows;
  if (cells === 0) return 0;
  const stride = Math.max(1, Math.ceil(cells / MAX_SAMPLES));
  let n = 0;
  // Cell k of the window is row r of column c: stepped along without dividing for each sample.
  let c = c0;
  let r = 0;
  let { long, short } = source.columnAt(c);
  for (let k = 0; k < cells && n < MAX_SAMPLES; k += stride) {
    if (r >= rows) {
      const columns = (r / rows) | 0;
      c += columns;
      r -= columns * rows;
      ({ long, short } = source.columnAt(c));
    }
    const v = cellValue(long[r], short[r], sides);
    if (v > 0) samples[n++] = v;
    r += stride;
  }
  return n;
}

/** The `k`-th smallest of `values[0..n)` (Hoare's quickselect; reorders them): what sorting and indexing `k` gives. */
export function selectKth(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i++] = values[j];
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}
