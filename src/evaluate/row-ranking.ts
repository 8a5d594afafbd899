import { rowOf, rowPrice, type PriceGrid } from '../model/price-grid';
import type { LiquidationOrder } from './liquidation-orders';
import type { SideScore } from './score-side';

/** Share of rows the heatmap score takes as its "hot" rows. */
export const TOP_ROW_SHARE = 0.2;

/** A share of one side's orders, weighted by USD notional and by order count. */
export interface Weighted {
  usd: number;
  count: number;
}

/** How a ranking of the rows in the traversed range did: rows in range, rows taken as hot, capture and lift. */
export interface RowScore {
  rows: number;
  taken: number;
  /** Share of the orders priced in the hot rows. */
  capture: Weighted;
  /** `capture / (taken / rows)`: 1 is chance. */
  lift: Weighted;
}

/** The rows of one side's traversed range and the orders they are scored against. */
export interface RankedRows {
  grid: PriceGrid;
  /** Grid rows in the traversed range, in grid order. */
  rows: readonly number[];
  price0: number;
  orders: readonly LiquidationOrder[];
}

/**
 * Ranks `r.rows` by `score` (`score[i]` belongs to `r.rows[i]`), takes the top 20 % (at least one row;
 * ties go to the row nearer `price0`) and measures the share of the orders priced in those rows.
 */
export function rankRows(r: RankedRows, score: ArrayLike<number>): RowScore {
  const { grid, rows, price0, orders } = r;
  const distance = (i: number) => Math.abs(rowPrice(grid, rows[i]) - price0);
  const ranked = rows.map((_, i) => i).sort((a, b) => score[b] - score[a] || distance(a) - distance(b));
  const taken = rows.length === 0 ? 0 : Math.max(1, Math.round(TOP_ROW_SHARE * rows.length));
  const hot = new Set(ranked.slice(0, taken).map((i) => rows[i]));
  const capture = orderShare(orders, (o) => hot.has(rowOf(grid, o.price)));
  const chance = taken > 0 ? taken / rows.length : 0;
  return { rows: rows.length, taken, capture, lift: { usd: chance > 0 ? capture.usd / chance : 0, count: chance > 0 ? capture.count / chance : 0 } };
}

/** The share of `orders` (by USD notional and by count) for which `inside` holds. */
export function orderShare(orders: readonly LiquidationOrder[], inside: (o: LiquidationOrder) => boolean): Weighted {
  const notional = orders.reduce((sum, o) => sum + o.notional, 0);
  const caught = orders.filter(inside);
  return {
    usd: notional > 0 ? caught.reduce((sum, o) => sum + o.notional, 0) / notional : 0,
    count: orders.length > 0 ? caught.length / orders.length : 0,
  };
}

/** What a side score was ranked on: its rows, the model's density and the prior's score of each row. */
export interface SideRanking extends RankedRows {
  density: Float64Array;
  prior: Float64Array;
}

// Kept beside the scores rather than in them, so that the scores' JSON and equality stay what they are.
const rankings = new WeakMap<SideScore, SideRanking>();

/** Records what `side` was ranked on, for re-scoring it later ({@link rankingOf}). */
export function keepRanking(side: SideScore, ranking: SideRanking): void {
  rankings.set(side, ranking);
}

/** What `side` was ranked on, or undefined when it was not made by `scoreSide`. */
export function rankingOf(side: SideScore): SideRanking | undefined {
  return rankings.get(side);
}
