import type { ColumnSource } from './cell-image';
import type { SidesOption } from './heatmap-options';

const MAX_SAMPLES = 8192;
const samples = new Float64Array(MAX_SAMPLES);

/** Density of one cell for the sides shown. */
export function cellValue(long: number, short: number, sides: SidesOption): number {
  return sides === 'both' ? long + short : sides === 'long' ? long : short;
}

/**
 * The `p` percentile of non-zero raw cell densities over columns `[c0, c1)` (all `rows` rows), from an
 * evenly strided sample of at most 8192 cells, picked by selection (no full sort). Panning recomputes it
 * on every frame. 0 when all are empty.
 */
export function visiblePercentile(source: ColumnSource, rows: number, c0: number, c1: number, sides: SidesOption, p: number): number {
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
  if (n === 0) return 0;
  return selectKth(samples, n, Math.min(n - 1, Math.floor(p * (n - 1))));
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
