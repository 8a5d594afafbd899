import { rowOf, rowPrice, type PriceGrid } from '../model/price-grid';
import type { Side } from '../model/side';
import type { LiquidationOrder } from './liquidation-orders';
import { nearPricePrior } from './near-price-prior';
import { keepRanking, orderShare, rankRows, type RowScore, type Weighted } from './row-ranking';

export { TOP_ROW_SHARE, type RowScore, type Weighted } from './row-ranking';

/** How one side of one window scored. */
export interface SideScore {
  side: Side;
  orders: number;
  notional: number;
  /** The traversed range `[low, high]`. */
  low: number;
  high: number;
  /** The model's density ranking the rows. */
  heatmap: RowScore;
  /** The near-price prior ranking the same rows ({@link nearPricePrior}). */
  prior: RowScore;
  /** Share of the range inside the reported zones, share of the orders inside them, lift = capture / coverage (null at zero coverage). */
  zones: { count: number; coverage: number; capture: Weighted; lift: Weighted | null };
}

/**
 * Scores one side: ranks the grid rows whose centre lies in `[low, high]` by `density`, takes the top 20 %
 * (at least one row; ties go to the row nearer `price0`) and measures the share of the orders priced in
 * those rows; does the same with the near-price prior on the same rows; and measures the reported
 * `zones` against the same range and orders.
 */
export function scoreSide(
  side: Side,
  grid: PriceGrid,
  density: ArrayLike<number>,
  price0: number,
  low: number,
  high: number,
  orders: readonly LiquidationOrder[],
  zones: readonly { low: number; high: number }[],
): SideScore {
  const inRange = rowsInRange(grid, low, high);
  const prior = nearPricePrior(grid, price0);
  const ranking = {
    grid,
    rows: inRange,
    price0,
    orders,
    density: Float64Array.from(inRange, (r) => density[r]),
    prior: Float64Array.from(inRange, (r) => prior[r]),
  };
  const clipped = mergeIntervals(zones.map((z) => [Math.max(z.low, low), Math.min(z.high, high)] as [number, number]).filter(([a, b]) => b > a));
  const covered = clipped.reduce((sum, [a, b]) => sum + (b - a), 0);
  const coverage = high > low ? covered / (high - low) : 0;
  const zoneCapture = orderShare(orders, (o) => zones.some((z) => o.price >= z.low && o.price <= z.high));
  const score: SideScore = {
    side,
    orders: orders.length,
    notional: orders.reduce((sum, o) => sum + o.notional, 0),
    low,
    high,
    heatmap: rankRows(ranking, ranking.density),
    prior: rankRows(ranking, ranking.prior),
    zones: {
      count: zones.length,
      coverage,
      capture: zoneCapture,
      lift: coverage > 0 ? { usd: zoneCapture.usd / coverage, count: zoneCapture.count / coverage } : null,
    },
  };
  keepRanking(score, ranking);
  return score;
}

/** Rows whose centre lies in `[low, high]`; when none does, the row holding the middle of the range (if on the grid). */
function rowsInRange(grid: PriceGrid, low: number, high: number): number[] {
  const rows: number[] = [];
  for (let r = Math.max(0, rowOf(grid, low)); r < grid.rows && rowPrice(grid, r) <= high; r++) {
    if (rowPrice(grid, r) >= low) rows.push(r);
  }
  if (rows.length === 0) {
    const mid = rowOf(grid, (low + high) / 2);
    if (mid >= 0 && mid < grid.rows) rows.push(mid);
  }
  return rows;
}

function mergeIntervals(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
