import type { SideScore } from './score-side';

/** One window's result; `skipped` says why a window could not be scored. */
export interface WindowScore {
  symbol: string;
  t0: number;
  /** UTC day of t0, `YYYY-MM-DD` (the unit cross-validation holds out). */
  day: string;
  price0: number | null;
  orders: number;
  notional: number;
  /** Scored sides (a side without orders, or without a range on its side of price0, is absent). */
  sides: SideScore[];
  skipped?: string;
  /** The klines the window was scored on (file names), when the caller says. */
  klines?: string;
}

/** UTC day of an epoch-ms time, `YYYY-MM-DD`. */
export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
