import type {
  AutoscaleInfo,
  IChartApiBase,
  ISeriesApi,
  ISeriesPrimitive,
  Logical,
  PrimitiveHoveredItem,
  SeriesAttachedParameter,
  SeriesType,
  Time,
} from 'lightweight-charts';
import type { Kline, KlineSeries } from '../src/klines/kline';
import { parseKline, parseKlines } from '../src/klines/parse-klines';
import { toKlineSeries } from '../src/klines/to-series';
import { toKlineSeriesAsync, type SeriesPacing } from '../src/klines/to-series-async';
import type { Level, LevelsReport } from '../src/levels/level';
import { modelDensityAt, modelLevels } from '../src/levels/model-levels';
import { planTrade, type TradePlan, type TradePlanRequest } from '../src/levels/plan-trade';
import { LiquidationModel, type AsyncControl, type DensityUnit, type ModelContext, type UpdateResult } from '../src/model/liquidation-model';
import { validateOpenInterest, type OpenInterestPoint } from '../src/model/open-interest';
import { columnGeometry, rowGeometry } from './chart-geometry';
import { HeatmapLayer } from './heatmap-layer';
import { DEFAULT_HEATMAP_OPTIONS, mergeHeatmapOptions, type HeatmapOptions, type HeatmapOptionsPatch } from './heatmap-options';
import { HeatmapRenderer } from './heatmap-renderer';
import { LevelsLayer } from './levels-layer';
import { LevelsRenderer } from './levels-renderer';
import { PaneView } from './pane-views';

/** Klines in any form the parser accepts: a parsed series, REST rows, websocket messages, objects, CSV or JSON text. */
export type KlinesInput = KlineSeries | string | readonly unknown[];

/** Density at one cell, in the model's unit. */
export interface DensityReading {
  long: number;
  short: number;
  total: number;
  unit: DensityUnit;
}

const PAINT_OPTIONS: (keyof HeatmapOptions)[] = ['threshold', 'moreHeat', 'palette', 'opacity', 'sides'];

/**
 * The liquidation heatmap and levels as a lightweight-charts series primitive. Attach it with
 * `series.attachPrimitive(primitive)` (or use {@link createLiquidationHeatmap}); feed it klines with
 * {@link setData} and {@link update}. Times of the series must be UTC timestamps in seconds, the bars the
 * same as the klines'.
 */
export class LiquidationHeatmapPrimitive implements ISeriesPrimitive<Time> {
  private opts: HeatmapOptions;
  private model: LiquidationModel;
  private pending: AbortController | null = null;
  private pendingRun: Promise<void> = Promise.resolve();
  private report: LevelsReport | null = null;
  private chart: IChartApiBase<Time> | null = null;
  private series: ISeriesApi<SeriesType, Time> | null = null;
  private requestUpdate: (() => void) | null = null;
  private readonly heatmap = new HeatmapLayer();
  private readonly levelsLayer = new LevelsLayer();
  private readonly heatmapView = new PaneView('normal');
  private readonly levelsView = new PaneView('top');
  private readonly views = [this.heatmapView, this.levelsView] as const;
  private readonly onSeriesData = (): void => this.requestUpdate?.();

  constructor(options: HeatmapOptionsPatch = {}) {
    this.opts = mergeHeatmapOptions(DEFAULT_HEATMAP_OPTIONS, options);
    this.model = new LiquidationModel(this.opts.model);
  }

  // Lifecycle --------------------------------------------------------------------------------------

  /** @internal Called by lightweight-charts on `attachPrimitive`. */
  attached(param: SeriesAttachedParameter<Time>): void {
    this.chart = param.chart;
    this.series = param.series;
    this.requestUpdate = param.requestUpdate;
    param.series.subscribeDataChanged(this.onSeriesData);
  }

  /** @internal Called by lightweight-charts on `detachPrimitive`: unsubscribes everything and drops caches. */
  detached(): void {
    this.series?.unsubscribeDataChanged(this.onSeriesData);
    this.chart = null;
    this.series = null;
    this.requestUpdate = null;
    this.heatmap.reset();
    this.levelsLayer.reset();
    this.heatmapView.set(null);
    this.levelsView.set(null);
  }

  // Data -----------------------------------------------------------------------------------------

  /**
   * Replaces the klines (oldest first) and recomputes. Bad input throws a `KlineError` naming the row
   * and field; the overlay keeps its last good state.
   */
  setData(klines: KlinesInput, context: ModelContext = {}): void {
    const series = toSeries(klines);
    this.pending?.abort(new Error('superseded by a newer setData'));
    this.pending = null;
    this.model.setData(series, context);
    this.dataChanged();
  }

  /**
   * Like {@link setData} for long histories: converts kline objects and computes in short slices (the
   * page stays responsive and keeps showing the previous data), then swaps the result in. A newer call
   * or `setData` cancels a pending one, which then rejects with an `AbortError`-like reason. Bad input
   * rejects with the `KlineError` naming row and field; what is drawn stays.
   */
  async setDataAsync(klines: KlinesInput, context: ModelContext = {}, control: Omit<AsyncControl, 'signal'> = {}): Promise<void> {
    this.pending?.abort(new Error('superseded by a newer setData'));
    const pending = new AbortController();
    this.pending = pending;
    const run = toSeriesAsync(klines, { sliceMs: control.sliceMs, signal: pending.signal }).then((series) => this.build(series, context, control, pending, null));
    this.pendingRun = run.catch(() => undefined);
    return run;
  }

  /** Builds a fresh model in slices and swaps it in; with `carry`, bars that model took meanwhile are re-applied. */
  private async build(series: KlineSeries, context: ModelContext, control: Omit<AsyncControl, 'signal'>, pending: AbortController, carry: LiquidationModel | null): Promise<void> {
    if (pending.signal.aborted) throw pending.signal.reason;
    const fresh = new LiquidationModel(this.opts.model);
    const from = Math.max(0, series.length - 1);
    await fresh.setDataAsync(series, context, { ...control, signal: pending.signal });
    if (this.pending !== pending) throw new Error('superseded by a newer setData');
    if (carry) for (let i = from; i < carry.length; i++) fresh.update(carry.klines.get(i));
    this.pending = null;
    this.model = fresh;
    this.dataChanged();
  }

  /** Applies the latest kline (any accepted form); see {@link LiquidationModel.update}. Bad input throws and changes nothing. */
  update(kline: Kline | unknown): UpdateResult {
    const parsed = isKline(kline) ? kline : parseKline(kline, undefined, 'update');
    const result = this.model.update(parsed);
    if (result === 'rebuilt') this.dataChanged();
    else if (result !== 'stale') this.tailChanged();
    return result;
  }

  /** Replaces the open-interest history (sizes become estimated USD) and recomputes. */
  /**
   * Replaces the open-interest history (sizes become estimated USD). Recomputes in slices like
   * {@link setDataAsync}, after any load still pending, and keeps bars applied by `update` meanwhile.
   * Bad points throw a `RangeError` naming the row and field at once.
   */
  async setOpenInterest(points: readonly OpenInterestPoint[]): Promise<void> {
    validateOpenInterest(points);
    await this.pendingRun;
    const current = this.model;
    if (current.length === 0) {
      current.setOpenInterest(points);
      this.dataChanged();
      return;
    }
    const pending = new AbortController();
    this.pending = pending;
    const run = this.build(current.klines.toSeries(), { openInterest: points, lastBarForming: current.hasForming }, {}, pending, current);
    this.pendingRun = run.catch(() => undefined);
    return run;
  }

  /** Merges options over the current ones (like lightweight-charts' `applyOptions`) and redraws. */
  applyOptions(patch: HeatmapOptionsPatch): void {
    const next = mergeHeatmapOptions(this.opts, patch);
    const modelChanged = patch.model !== undefined && JSON.stringify(next.model) !== JSON.stringify(this.opts.model);
    this.opts = next;
    if (modelChanged) {
      this.model.applyOptions(next.model);
      this.dataChanged();
      return;
    }
    if (PAINT_OPTIONS.some((key) => key in patch)) this.heatmap.invalidatePaint();
    if (patch.levels !== undefined) this.report = null;
    this.requestUpdate?.();
  }

  /** The options in force. */
  options(): Readonly<HeatmapOptions> {
    return this.opts;
  }

  /** The levels report of the latest column, or null before data. */
  levels(): LevelsReport | null {
    if (!this.report && this.model.length > 0) this.report = modelLevels(this.model, this.opts.levels);
    return this.report;
  }

  /**
   * A stop beyond the nearest significant liquidation zone against the trade, up to three targets before
   * the next zones in its direction, reward-to-risk, and with `risk` the size (see `planTrade`), from the
   * latest levels report; null before data. Throws a `RangeError` naming a bad request field.
   */
  planTrade(request: TradePlanRequest): TradePlan | null {
    const report = this.levels();
    return report ? planTrade(report, request) : null;
  }

  /** Density at a bar (chart time in seconds, or epoch ms) and price, or null outside the heatmap. */
  densityAt(time: number, price: number): DensityReading | null {
    const ms = time < 1e11 ? time * 1000 : time;
    const reading = modelDensityAt(this.model, ms, price);
    return reading ? { ...reading, unit: this.model.unit } : null;
  }

  /** The level whose line is under a pane y coordinate (media pixels), if any. */
  levelAtCoordinate(y: number): Level | null {
    return this.levelsLayer.levelAt(y)?.level ?? null;
  }

  /** The headless model behind the overlay (read it; change it through this primitive). */
  headless(): LiquidationModel {
    return this.model;
  }

  // Views ----------------------------------------------------------------------------------------

  /** @internal */
  updateAllViews(): void {
    const { chart, series } = this;
    if (!chart || !series) return;
    const grid = this.model.grid;
    const geometry = grid ? columnGeometry(chart, this.model.klines.openTime, this.model.length) : null;
    const rows = grid && geometry ? rowGeometry(series, grid) : null;
    const data = geometry && rows ? this.heatmap.update(this.model, this.opts, geometry, rows) : null;
    this.heatmapView.set(data ? new HeatmapRenderer(data) : null);
    if (data && !this.heatmap.complete) setTimeout(() => this.requestUpdate?.(), 0);
    this.levelsLayer.update(this.levels(), series, this.opts);
    this.levelsView.set(this.levelsLayer.lines.length ? new LevelsRenderer(this.levelsLayer.lines) : null);
  }

  /** @internal */
  paneViews(): readonly PaneView[] {
    return this.views;
  }

  /** @internal */
  priceAxisViews() {
    return this.levelsLayer.priceAxisViews();
  }

  /** @internal Off unless `autoscaleLevels`: the heatmap must not squash the user's candles. */
  autoscaleInfo(_start: Logical, _end: Logical): AutoscaleInfo | null {
    const report = this.opts.autoscaleLevels ? this.levels() : null;
    if (!report) return null;
    const prices = [...report.above, ...report.below].map((l) => l.price);
    if (prices.length === 0) return null;
    return { priceRange: { minValue: Math.min(...prices), maxValue: Math.max(...prices) } };
  }

  /** @internal */
  hitTest(_x: number, y: number): PrimitiveHoveredItem | null {
    return this.levelsLayer.hitTest(y);
  }

  private dataChanged(): void {
    this.report = null;
    this.requestUpdate?.();
  }

  private tailChanged(): void {
    this.report = null;
    this.requestUpdate?.();
  }
}

/** A series from any accepted input; kline objects skip the generic parser (a long history is parsed once). */
function toSeries(klines: KlinesInput): KlineSeries {
  if (isKlineSeries(klines)) return klines;
  if (isKlineArray(klines)) return toKlineSeries(klines, { source: 'setData' });
  return parseKlines(klines as string | readonly unknown[], { source: 'setData' });
}

/** {@link toSeries} for `setDataAsync`: kline objects are converted in slices. */
async function toSeriesAsync(klines: KlinesInput, pacing: SeriesPacing): Promise<KlineSeries> {
  if (isKlineArray(klines)) return toKlineSeriesAsync(klines, { source: 'setData' }, pacing);
  return toSeries(klines);
}

function isKlineArray(klines: KlinesInput): klines is readonly Kline[] {
  return Array.isArray(klines) && klines.length > 0 && klines.every(isKline);
}

function isKlineSeries(value: unknown): value is KlineSeries {
  return typeof value === 'object' && value !== null && (value as KlineSeries).openTime instanceof Float64Array;
}

function isKline(value: unknown): value is Kline {
  const k = value as Kline;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof k.openTime === 'number' && typeof k.open === 'number' && typeof k.volume === 'number';
}
