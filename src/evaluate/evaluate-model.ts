import type { KlineSeries } from '../klines/kline';
import { closedCountAt } from '../klines/slice-series';
import { modelLevels } from '../levels/model-levels';
import type { LevelsOptions } from '../levels/levels-options';
import { LiquidationModel } from '../model/liquidation-model';
import type { ModelOptions } from '../model/model-options';
import type { BootstrapOptions } from './bootstrap';
import { summarize, type EvaluationSummary } from './evaluation-summary';
import type { LiquidationWindow } from './liquidation-orders';
import { scoreSide, type SideScore } from './score-side';
import { firstBarAtOrAfter, sliceRange } from '../klines/slice-series';
import { windowCoverage } from './window-coverage';
import { utcDay, type WindowScore } from './window-score';

/** Options of {@link evaluateModel}. */
export interface EvaluateOptions {
  /** How far after t0 the market's path counts. Default 2 h. */
  horizonMs?: number;
  /** History the model sees before each t0. Default 60 days. */
  lookbackMs?: number;
  model?: Partial<ModelOptions>;
  levels?: Partial<LevelsOptions>;
  /** How the intervals are drawn. */
  bootstrap?: Partial<BootstrapOptions>;
}

/** Scored windows and their summary. */
export interface Evaluation {
  windows: WindowScore[];
  summary: EvaluationSummary;
}

export const DEFAULT_HORIZON_MS = 2 * 3_600_000;
export const DEFAULT_LOOKBACK_MS = 60 * 86_400_000;

/**
 * Scores the model against real liquidations, one window at a time ({@link scoreWindow}), and pools
 * the result per side, over both sides and per symbol, with bootstrap intervals over windows.
 */
export function evaluateModel(series: KlineSeries, windows: readonly LiquidationWindow[], options: EvaluateOptions = {}): Evaluation {
  const scores = windows.map((w) => scoreWindow(series, w, options)[0]);
  return { windows: scores, summary: summarize(scores, options.bootstrap) };
}

/**
 * Scores one window with one model build: the model uses only bars closed at or before t0 (and at most
 * `lookbackMs` of them); price0 is the last close before t0. Per side the traversed range runs from
 * price0 to the furthest the market (bar lows/highs within the horizon) or an order went. Each entry of
 * `levelsVariants` (default: `options.levels`) gives one score, all from the same model.
 */
export function scoreWindow(
  series: KlineSeries,
  window: LiquidationWindow,
  options: EvaluateOptions = {},
  levelsVariants: readonly Partial<LevelsOptions>[] = [options.levels ?? {}],
): WindowScore[] {
  const horizon = options.horizonMs ?? DEFAULT_HORIZON_MS;
  const lookback = options.lookbackMs ?? DEFAULT_LOOKBACK_MS;
  const interval = series.intervalMs;
  const { t0, symbol, orders } = window;
  const base = { symbol, t0, day: utcDay(t0), orders: orders.length, notional: orders.reduce((sum, o) => sum + o.notional, 0) };
  const uncovered = windowCoverage(series, t0, horizon);
  if (uncovered) return levelsVariants.map(() => ({ ...base, price0: null, sides: [], skipped: uncovered }));
  const end = closedCountAt(series, t0);
  const start = Math.min(end - 1, firstBarAtOrAfter(series, t0 - lookback));
  const model = new LiquidationModel(options.model);
  model.setData(sliceRange(series, start, end), { lastBarForming: false });
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
  return levelsVariants.map((levels) => {
    const report = modelLevels(model, { ...levels, trackIds: false });
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
    return { ...base, price0, sides };
  });
}
