import type { ISeriesApi, SeriesType, Time } from 'lightweight-charts';
import type { Kline } from '../src/klines/kline';
import type { Level, LevelsReport } from '../src/levels/level';
import type { TradePlan, TradePlanRequest } from '../src/levels/plan-trade';
import type { ModelContext, UpdateResult } from '../src/model/liquidation-model';
import type { OpenInterestInput } from '../src/model/open-interest';
import type { HeatmapOptions, HeatmapOptionsPatch } from './heatmap-options';
import type { DensityReading, LoadControl } from './heatmap-data-controller';
import type { KlinesInput } from './klines-input';
import { LiquidationHeatmapPrimitive } from './liquidation-heatmap-primitive';

/** The overlay attached to a series (of type `TSeries`): feed it klines, read its levels, detach it. */
export interface LiquidationHeatmap<TSeries extends SeriesType = SeriesType> {
  /** Replaces the klines and recomputes; bad input throws and keeps the last good state. */
  setData(klines: KlinesInput, context?: ModelContext): void;
  /** Like `setData` in short slices that keep the page responsive; swaps the result in when done. */
  setDataAsync(klines: KlinesInput, context?: ModelContext, control?: LoadControl): Promise<void>;
  /** Applies the latest kline (forming or closing a bar); O(rows) per tick. */
  update(kline: Kline): UpdateResult;
  /** The same from a raw form: a Binance REST row, a websocket kline message or its `k` object. Bad input throws. */
  update(raw: unknown): UpdateResult;
  /** Open-interest history: sizes become estimated USD (recomputed in slices; resolves when drawn). */
  setOpenInterest(points: readonly OpenInterestInput[]): Promise<void>;
  /**
   * Merges options over the current ones. A bad or unknown option throws a `RangeError` naming it and
   * nothing changes; a `patch` that is not an object (`undefined`, `null`) throws a `TypeError`.
   */
  applyOptions(patch: HeatmapOptionsPatch): void;
  /** The options in force: the defaults merged with every patch applied (read-only; change them with `applyOptions`). */
  options(): Readonly<HeatmapOptions>;
  /** The levels report of the latest bar, or null before data. */
  levels(): LevelsReport | null;
  /**
   * Stop, targets, reward-to-risk (and with `risk` the size) around the latest levels; null before data.
   * `heatmap.planTrade({ side: 'long', entry: 101_500, risk: 200 })`.
   */
  planTrade(request: TradePlanRequest): TradePlan | null;
  /**
   * Density at a bar and price, for tooltips: `heatmap.densityAt(param.time, price)` with a crosshair
   * move's `param.time` (UTC seconds or a business day); epoch ms also works.
   */
  densityAt(time: Time | number, price: number): DensityReading | null;
  /** The level under a pane y coordinate, for hover. */
  levelAtCoordinate(y: number): Level | null;
  /** The series the overlay is attached to. */
  getSeries(): ISeriesApi<TSeries, Time>;
  /** Removes the overlay, its subscriptions and caches; pending loads reject with a `LoadAbortError`. */
  detach(): void;
  /** The primitive itself. */
  readonly primitive: LiquidationHeatmapPrimitive;
}

/**
 * Adds the estimated liquidation heatmap and levels to a lightweight-charts v5 series (usually the
 * candlestick series) and returns a handle. The page keeps feeding its candles as before. After
 * `chart.remove()` every method of the handle does nothing (and says so once on the console).
 *
 * ```js
 * const heatmap = createLiquidationHeatmap(candles, { threshold: 0.1 });
 * heatmap.setData(binanceRestRows);
 * heatmap.update(websocketKlineMessage);
 * heatmap.levels()?.nearestBelow; // null before data
 * ```
 */
export function createLiquidationHeatmap<TSeries extends SeriesType>(series: ISeriesApi<TSeries, Time>, options: HeatmapOptionsPatch = {}): LiquidationHeatmap<TSeries> {
  const primitive = new LiquidationHeatmapPrimitive(options);
  series.attachPrimitive(primitive);
  let attached = true;
  let warned = false;
  /** Runs `call` unless the chart was removed; then `fallback`, with one warning for the handle's lifetime. */
  const live = <T>(method: string, call: () => T, fallback: () => T): T => {
    if (!primitive.chartRemoved()) return call();
    if (!warned) {
      warned = true;
      console.warn(`liquidation heatmap: ${method}() after chart.remove() does nothing (the chart is gone; this warning is shown once)`);
    }
    return fallback();
  };
  const done = () => Promise.resolve();
  return {
    setData: (klines, context) => live('setData', () => primitive.setData(klines, context), () => undefined),
    setDataAsync: (klines, context, control) => live('setDataAsync', () => primitive.setDataAsync(klines, context, control), done),
    update: (kline: unknown) => live<UpdateResult>('update', () => primitive.update(kline), () => 'stale'),
    setOpenInterest: (points) => live('setOpenInterest', () => primitive.setOpenInterest(points), done),
    applyOptions: (patch) => live('applyOptions', () => primitive.applyOptions(patch), () => undefined),
    options: () => live('options', () => primitive.options(), () => primitive.options()),
    levels: () => live('levels', () => primitive.levels(), () => null),
    planTrade: (request) => live('planTrade', () => primitive.planTrade(request), () => null),
    densityAt: (time, price) => live('densityAt', () => primitive.densityAt(time as Time, price), () => null),
    levelAtCoordinate: (y) => live('levelAtCoordinate', () => primitive.levelAtCoordinate(y), () => null),
    getSeries: () => live('getSeries', () => series, () => series),
    detach: () =>
      live(
        'detach',
        () => {
          if (attached) series.detachPrimitive(primitive);
          attached = false;
        },
        () => {
          attached = false;
        },
      ),
    primitive,
  };
}
