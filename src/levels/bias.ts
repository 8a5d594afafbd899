import { rowPosition, type PriceGrid } from '../model/price-grid';
import type { Bias } from './level';

const RATIO_CAP = 999;

/**
 * Compares long-liquidation mass within `windowPct` below `price` with short-liquidation mass within
 * `windowPct` above it (rows counted by the share of each row inside the window).
 */
export function readBias(
  grid: PriceGrid,
  long: ArrayLike<number>,
  short: ArrayLike<number>,
  price: number,
  windowPct: number,
  threshold: number,
): Bias {
  const below = massBetween(grid, long, price * (1 - windowPct / 100), price);
  const above = massBetween(grid, short, price, price * (1 + windowPct / 100));
  let ratio: number;
  if (below === 0 && above === 0) ratio = 1;
  else if (above === 0) ratio = RATIO_CAP;
  else ratio = Math.min(RATIO_CAP, Math.max(1 / RATIO_CAP, below / above));
  const label = ratio >= threshold ? 'long-flush' : ratio <= 1 / threshold ? 'short-squeeze' : 'balanced';
  return { label, ratio, below, above, windowPct };
}

/** Mass of `density` between two prices, rows weighted by their (log-price) overlap with the interval. */
export function massBetween(grid: PriceGrid, density: ArrayLike<number>, from: number, to: number): number {
  const a = rowPosition(grid, from);
  const b = to === Infinity ? Infinity : rowPosition(grid, to);
  const r0 = Math.max(0, Math.floor(a));
  const r1 = Math.min(grid.rows - 1, Math.floor(b));
  let sum = 0;
  for (let r = r0; r <= r1; r++) {
    const overlap = Math.min(b, r + 1) - Math.max(a, r);
    if (overlap > 0) sum += density[r] * overlap;
  }
  return sum;
}
