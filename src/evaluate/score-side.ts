import { rowOf as gridRowOf, rowPosition, rowPrice, type PriceGrid } from '../model/price-grid';
import type { Side } from '../model/side';
import type { LiquidationOrder } from './liquidation-orders';

/** Share of rows the heatmap score takes as its "hot" rows. */
export const TOP_ROW_SHARE = 0.2;

/** How one side of one window scored. */
export interface SideScore {
  side: Side;
  orders: number;
  notional: number;
  /** The traversed range `[low, high]`. */
  low: number;
  high: number;
  /** Rows inside the range, rows taken as hot, share of notional in them, and lift = capture / (taken / rows). */
  heatmap: { rows: number; taken: number; capture: number; lift: number };
  /** Share of the range inside the reported zones, share of notional inside them, lift = capture / coverage (null at zero coverage). */
  zones: { count: number; coverage: number; capture: number; lift: number | null };
}

/**
 * Scores one side: ranks the grid rows whose centre lies in `[low, high]` by `density`, takes the top 20 %
 * (at least one row; ties go to the row nearer `price0`) and measures the share of the orders' notional
 * priced in those rows; and measures the reported `zones` against the same range and orders.
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
  const rowOf = (price: number) => gridRowOf(grid, price);
  const inRange: number[] = [];
  for (let r = Math.max(0, Math.ceil(rowPosition(grid, low) - 0.5)); r < grid.rows && rowPrice(grid, r) <= high; r++) inRange.push(r);
  if (inRange.length === 0) {
    const mid = rowOf((low + high) / 2);
    if (mid >= 0 && mid < grid.rows) inRange.push(mid);
  }
  const ranked = [...inRange].sort((a, b) => density[b] - density[a] || Math.abs(rowPrice(grid, a) - price0) - Math.abs(rowPrice(grid, b) - price0));
  const taken = inRange.length === 0 ? 0 : Math.max(1, Math.round(TOP_ROW_SHARE * inRange.length));
  const hot = new Set(ranked.slice(0, taken));
  const notional = orders.reduce((sum, o) => sum + o.notional, 0);
  const share = (inside: (o: LiquidationOrder) => boolean) => (notional > 0 ? orders.filter(inside).reduce((sum, o) => sum + o.notional, 0) / notional : 0);
  const heatCapture = share((o) => hot.has(rowOf(o.price)));
  const clipped = mergeIntervals(zones.map((z) => [Math.max(z.low, low), Math.min(z.high, high)] as [number, number]).filter(([a, b]) => b > a));
  const covered = clipped.reduce((sum, [a, b]) => sum + (b - a), 0);
  const coverage = high > low ? covered / (high - low) : 0;
  const zoneCapture = share((o) => zones.some((z) => o.price >= z.low && o.price <= z.high));
  return {
    side,
    orders: orders.length,
    notional,
    low,
    high,
    heatmap: { rows: inRange.length, taken, capture: heatCapture, lift: taken > 0 ? heatCapture / (taken / inRange.length) : 0 },
    zones: { count: zones.length, coverage, capture: zoneCapture, lift: coverage > 0 ? zoneCapture / coverage : null },
  };
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
