import type { KlineSeries } from '../klines/kline';
import { modelLevels } from '../levels/model-levels';
import type { LevelsOptions } from '../levels/levels-options';
import { LiquidationModel } from '../model/liquidation-model';
import type { ModelOptions } from '../model/model-options';
import type { LiquidationWindow } from './liquidation-orders';
import { scoreSide, type SideScore } from './score-side';

/** Options of {@link evaluateModel}. */
export interface EvaluateOptions {
  /** How far after t0 the market's path counts. Default 2 h. */
  horizonMs?: number;
  /** History the model sees before each t0. Default 60 days. */
  lookbackMs?: number;
  model?: Partial<ModelOptions>;
  levels?: Partial<LevelsOptions>;
}

/** One window's result; `skipped` says why a window could not be scored. */
export interface WindowScore {
  symbol: string;
  t0: number;
  price0: number | null;
  orders: number;
  sides: SideScore[];
  skipped?: string;
}

/** Pooled figures, each side of each window weighted by its number of orders. */
export interface PooledScore {
  orders: number;
  windows: number;
  heatmapLift: number | null;
  heatmapCapture: number | null;
  zoneLift: number | null;
  zoneCoverage: number | null;
  zoneCapture: number | null;
}

export interface Evaluation {
  windows: WindowScore[];
  pooled: PooledScore;
}

/**
 * Scores the model against real liquidations: for each window, the model uses only bars closed at or
 * before t0 (and at most `lookbackMs` of them); price0 is the last close before t0. Per side the traversed
 * range runs from price0 to the furthest the market (bar lows/highs within the horizon) or an order went.
 */
export function evaluateModel(series: KlineSeries, windows: readonly LiquidationWindow[], options: EvaluateOptions = {}): Evaluation {
  const horizon = options.horizonMs ?? 2 * 3_600_000;
  const lookback = options.lookbackMs ?? 60 * 86_400_000;
  const interval = series.intervalMs;
  const scores: WindowScore[] = [];
  for (const window of windows) {
    const { t0, symbol, orders } = window;
    const end = lastClosedBefore(series, t0);
    const first = series.length ? series.openTime[0] : Infinity;
    const coversHorizon = series.length > 0 && series.openTime[series.length - 1] + interval >= t0 + horizon;
    if (end < 1 || t0 - first < interval * 24 || !coversHorizon) {
      scores.push({ symbol, t0, price0: null, orders: orders.length, sides: [], skipped: 'klines do not cover this window' });
      continue;
    }
    let start = end;
    while (start > 0 && series.openTime[start - 1] >= t0 - lookback) start--;
    const model = new LiquidationModel(options.model);
    model.setData(sliceRange(series, start, end), { lastBarForming: false });
    const report = modelLevels(model, options.levels);
    const grid = model.grid;
    if (!grid) throw new Error('evaluate: the model has no price grid');
    const column = model.columnAt(model.length - 1);
    const price0 = series.close[end - 1];
    let lowest = Infinity;
    let highest = -Infinity;
    for (let i = end - 1; i < series.length && series.openTime[i] < t0 + horizon; i++) {
      if (series.openTime[i] + interval <= t0) continue;
      lowest = Math.min(lowest, series.low[i]);
      highest = Math.max(highest, series.high[i]);
    }
    const sides: SideScore[] = [];
    for (const side of ['long', 'short'] as const) {
      const sideOrders = orders.filter((o) => o.side === side);
      if (sideOrders.length === 0) continue;
      const low = side === 'long' ? Math.min(lowest, ...sideOrders.map((o) => o.price)) : price0;
      const high = side === 'long' ? price0 : Math.max(highest, ...sideOrders.map((o) => o.price));
      if (!(high > low)) continue;
      const density = side === 'long' ? column.long : column.short;
      // The report's levels of that side: its top list plus the nearest significant level.
      const nearest = side === 'long' ? report.nearestBelow : report.nearestAbove;
      const listed = side === 'long' ? report.below : report.above;
      const zones = nearest && !listed.some((l) => l.price === nearest.price) ? [...listed, nearest] : listed;
      sides.push(scoreSide(side, grid, density, price0, low, high, sideOrders, zones));
    }
    scores.push({ symbol, t0, price0, orders: orders.length, sides });
  }
  return { windows: scores, pooled: poolScores(scores) };
}

/** Pools window sides, each weighted by its number of orders; a side without a lift (no zone coverage) is left out of that figure. */
export function poolScores(scores: readonly WindowScore[]): PooledScore {
  const sides = scores.flatMap((w) => w.sides);
  const weighted = (pick: (s: SideScore) => number | null) => {
    let sum = 0;
    let weight = 0;
    for (const s of sides) {
      const v = pick(s);
      if (v === null) continue;
      sum += v * s.orders;
      weight += s.orders;
    }
    return weight > 0 ? sum / weight : null;
  };
  return {
    orders: sides.reduce((n, s) => n + s.orders, 0),
    windows: scores.filter((w) => !w.skipped).length,
    heatmapLift: weighted((s) => s.heatmap.lift),
    heatmapCapture: weighted((s) => s.heatmap.capture),
    zoneLift: weighted((s) => s.zones.lift),
    zoneCoverage: weighted((s) => s.zones.coverage),
    zoneCapture: weighted((s) => s.zones.capture),
  };
}

/** Number of bars closed at or before `t` (open time + interval <= t). */
function lastClosedBefore(series: KlineSeries, t: number): number {
  let n = 0;
  while (n < series.length && series.openTime[n] + series.intervalMs <= t) n++;
  return n;
}

/** Bars `[from, to)` of a series as views. */
export function sliceRange(series: KlineSeries, from: number, to: number): KlineSeries {
  const view = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(series)) view[key] = value instanceof Float64Array ? value.subarray(from, to) : value;
  const t0 = series.openTime[from];
  const t1 = series.openTime[to - 1];
  return { ...(view as unknown as KlineSeries), length: to - from, gaps: series.gaps.filter((g) => g.after >= t0 && g.before <= t1) };
}
