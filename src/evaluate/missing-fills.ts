import { quantile } from './bootstrap';
import type { LiquidationOrder } from './liquidation-orders';

/** What to score an order without a recorded fill at: a fill estimated from its limit, or the limit itself. */
export type MissingFill = 'estimate' | 'limit';

/** The limit-to-fill offset used for one symbol's orders without a recorded fill. */
export interface FillOffset {
  symbol: string;
  /** Fraction of the fill by which the limit lies beyond it (below for a long, above for a short). */
  offset: number;
  /** `symbol`: the median over that symbol's orders with both prices; `file`: over all of them; `mmr`: the maintenance rate. */
  from: 'symbol' | 'file' | 'mmr';
  /** Orders with both prices the median was taken over (0 for `mmr`). */
  orders: number;
  /** Orders of this symbol whose fill was estimated with it. */
  estimated: number;
}

/** Orders with every missing fill replaced, and how. */
export interface FillEstimate {
  orders: LiquidationOrder[];
  mode: MissingFill;
  /** Orders that had only a limit price. */
  missing: number;
  /** Orders with both prices (the offsets' sample). */
  withBoth: number;
  offsets: FillOffset[];
}

/** Fewest orders with both prices a median offset is taken over. */
const MIN_SAMPLE = 3;
/**
 * Offsets at or above this (or below zero: a limit on the wrong side of its fill) are not a bankruptcy
 * price's distance from a fill, whose order is the maintenance rate (under 2.5 % on Binance's first
 * tiers), and are left out of the medians.
 */
const MAX_OFFSET = 0.05;

/**
 * A liquidation order's limit is its bankruptcy price, beyond the liquidation price where it fills by
 * about the maintenance margin. An order recorded without its fill would be scored that far beyond where
 * it happened, so under `estimate` its fill is its limit moved back by the median offset of the same
 * symbol's orders that have both prices in the same file (at least 3; else the median over every
 * symbol's, else `mmrOf(symbol)`; offsets outside [0, 5 %) are left out). A USD size derived from the
 * quantity follows the price. `limit` leaves the limit as the fill.
 */
export function estimateMissingFills(orders: readonly LiquidationOrder[], mode: MissingFill, mmrOf: (symbol: string) => number): FillEstimate {
  const bySymbol = new Map<string, number[]>();
  const all: number[] = [];
  for (const o of orders) {
    if (o.fill === 'limit' || o.limit === undefined || !(o.price > 0)) continue;
    const offset = o.side === 'long' ? 1 - o.limit / o.price : o.limit / o.price - 1;
    if (!(offset >= 0 && offset < MAX_OFFSET)) continue;
    const list = bySymbol.get(o.symbol);
    if (list) list.push(offset);
    else bySymbol.set(o.symbol, [offset]);
    all.push(offset);
  }
  const missing = orders.filter((o) => o.fill === 'limit');
  const offsets = new Map<string, FillOffset>();
  for (const o of missing) {
    if (offsets.has(o.symbol)) continue;
    const own = bySymbol.get(o.symbol) ?? [];
    offsets.set(
      o.symbol,
      own.length >= MIN_SAMPLE
        ? { symbol: o.symbol, offset: median(own), from: 'symbol', orders: own.length, estimated: 0 }
        : all.length >= MIN_SAMPLE
          ? { symbol: o.symbol, offset: median(all), from: 'file', orders: all.length, estimated: 0 }
          : { symbol: o.symbol, offset: mmrOf(o.symbol), from: 'mmr', orders: 0, estimated: 0 },
    );
  }
  const out = orders.map((o) => {
    if (o.fill !== 'limit' || mode === 'limit') return o;
    const estimate = offsets.get(o.symbol) as FillOffset;
    estimate.estimated++;
    const price = o.side === 'long' ? o.price / (1 - estimate.offset) : o.price / (1 + estimate.offset);
    const notional = o.notionalFromPrice ? (o.notional * price) / o.price : o.notional;
    return { ...o, price, notional, fill: 'estimated' as const };
  });
  return {
    orders: out,
    mode,
    missing: missing.length,
    withBoth: all.length,
    offsets: [...offsets.values()].sort((a, b) => a.symbol.localeCompare(b.symbol)),
  };
}

function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5) as number;
}

/**
 * The estimate as it applies to `symbol`'s orders only (`evaluate --symbol`): its orders, its count of
 * orders without a fill and its offset. The offsets were taken over the whole file, so `withBoth` stays.
 */
export function fillsOfSymbol(estimate: FillEstimate, symbol: string): FillEstimate {
  const orders = estimate.orders.filter((o) => o.symbol === symbol);
  return {
    ...estimate,
    orders,
    missing: orders.filter((o) => o.fill === 'limit' || o.fill === 'estimated').length,
    offsets: estimate.offsets.filter((o) => o.symbol === symbol),
  };
}
