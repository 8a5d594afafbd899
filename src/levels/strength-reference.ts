import { rowOf, type PriceGrid } from '../model/price-grid';

/**
 * The density a level's strength is measured against: the highest row of either side's column on its
 * own side of price (long rows below `split`, short rows from it), counting only rows within
 * `withinPct` percent of `price` (Infinity: the whole column). When those rows hold no mass, the whole
 * column is the reference (no near cluster exists to compare with, and a zero reference would make every
 * far speck significant).
 */
export function strengthReference(
  grid: PriceGrid,
  price: number,
  split: number,
  long: ArrayLike<number>,
  short: ArrayLike<number>,
  withinPct: number,
): number {
  let from = 0;
  let to = grid.rows;
  if (withinPct !== Infinity) {
    const factor = 1 + withinPct / 100;
    from = Math.max(0, rowOf(grid, price / factor));
    to = Math.min(grid.rows, rowOf(grid, price * factor) + 1);
  }
  const max = Math.max(columnMax(long, from, Math.min(split, to)), columnMax(short, Math.max(split, from), to));
  if (max > 0 || withinPct === Infinity) return max;
  return Math.max(columnMax(long, 0, split), columnMax(short, split, grid.rows));
}

function columnMax(v: ArrayLike<number>, from: number, to: number): number {
  let m = 0;
  for (let r = from; r < to; r++) if (v[r] > m) m = v[r];
  return m;
}
