import type { ISeriesApi, SeriesType, Time } from 'lightweight-charts';
import type { Kline } from '../src/klines/kline';
import type { Level, LevelsReport } from '../src/levels/level';
import type { TradePlan, TradePlanRequest } from '../src/levels/plan-trade';
import type { ModelContext, UpdateResult } from '../src/model/liquidation-model';
import type { OpenInterestPoint } from '../src/model/open-interest';
import type { HeatmapOptions, HeatmapOptionsPatch } from './heatmap-options';
import type { DensityReading } from './heatmap-data-controller';
import type { KlinesInput } from './klines-input';
import { LiquidationHeatmapPrimitive } from './liquidation-heatmap-primitive';

/** The overlay attached to a series: feed it klines, read its levels, detach it. */
export interface LiquidationHeatmap {
  /** Replaces the klines and recomputes; bad input throws and keeps the last good state. */
  setData(klines: KlinesInput, context?: ModelContext): void;
  /** Like `setData` in short slices that keep the page responsive; swaps the result in when done. */
  setDataAsync(klines: KlinesInput, context?: ModelContext, control?: { sliceMs?: number; onProgress?: (done: number, total: number) => void }): Promise<void>;
  /** Applies the latest kline (forming or closing a bar); O(rows) per tick. */
  update(kline: Kline | unknown): UpdateResult;
  /** Open-interest history: sizes become estimated USD (recomputed in slices; resolves when drawn). */
  setOpenInterest(points: readonly OpenInterestPoint[]): Promise<void>;
  /** Merges options over the current ones. */
  applyOptions(patch: HeatmapOptionsPatch): void;
  options(): Readonly<HeatmapOptions>;
  /** The levels report of the latest bar, or null before data. */
  levels(): LevelsReport | null;
  /**
   * Stop, targets, reward-to-risk (and with `risk` the size) around the latest levels; null before data.
   * `heatmap.planTrade({ side: 'long', entry: 101_500, risk: 200 })`.
   */
  planTrade(request: TradePlanRequest): TradePlan | null;
  /** Density at a bar time (seconds or ms) and price, for tooltips. */
  densityAt(time: number, price: number): DensityReading | null;
  /** The level under a pane y coordinate, for hover. */
  levelAtCoordinate(y: number): Level | null;
  /** Removes the overlay, its subscriptions and caches. */
  detach(): void;
  /** The primitive itself. */
  readonly primitive: LiquidationHeatmapPrimitive;
}

/**
 * Adds the estimated liquidation heatmap and levels to a lightweight-charts v5 series (usually the
 * candlestick series) and returns a handle. The page keeps feeding its candles as before.
 *
 * ```js
 * const heatmap = createLiquidationHeatmap(candles, { threshold: 0.1 });
 * heatmap.setData(binanceRestRows);
 * heatmap.update(websocketKlineMessage);
 * heatmap.levels().nearestBelow;
 * ```
 */
export function createLiquidationHeatmap(series: ISeriesApi<SeriesType, Time>, options: HeatmapOptionsPatch = {}): LiquidationHeatmap {
  const primitive = new LiquidationHeatmapPrimitive(options);
  series.attachPrimitive(primitive);
  let attached = true;
  return {
    setData: (klines, context) => primitive.setData(klines, context),
    setDataAsync: (klines, context, control) => primitive.setDataAsync(klines, context, control),
    update: (kline) => primitive.update(kline),
    setOpenInterest: (points) => primitive.setOpenInterest(points),
    applyOptions: (patch) => primitive.applyOptions(patch),
    options: () => primitive.options(),
    levels: () => primitive.levels(),
    planTrade: (request) => primitive.planTrade(request),
    densityAt: (time, price) => primitive.densityAt(time, price),
    levelAtCoordinate: (y) => primitive.levelAtCoordinate(y),
    detach: () => {
      if (attached) series.detachPrimitive(primitive);
      attached = false;
    },
    primitive,
  };
}
