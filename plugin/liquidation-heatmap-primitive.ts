import type { AutoscaleInfo, IChartApiBase, IPrimitivePaneView, ISeriesApi, ISeriesPrimitive, ISeriesPrimitiveAxisView, PrimitiveHoveredItem, SeriesAttachedParameter, SeriesType, Time, DataChangedScope } from 'lightweight-charts';
import type { Level, LevelsReport } from '../src/levels/level';
import type { TradePlan, TradePlanRequest } from '../src/levels/plan-trade';
import type { LiquidationModel, ModelContext, UpdateResult } from '../src/model/liquidation-model';
import type { OpenInterestInput } from '../src/model/open-interest';
import { HeatmapDataController, type DensityReading, type LoadControl } from './heatmap-data-controller';
import { DEFAULT_HEATMAP_OPTIONS, checkPatchObject, mergeHeatmapOptions, type HeatmapOptions, type HeatmapOptionsPatch } from './heatmap-options';
import { HeatmapPaneView } from './heatmap-pane-view';
import { chartTimeToMs } from './chart-time';
import type { KlinesInput } from './klines-input';
import type { PlacementProblem } from './column-time-map';
import { placementWarning } from './placement-warning';
import { LevelsPaneView } from './levels-pane-view';
import { ignoreLoadAbort } from './load-abort-error';
import type { PaintTiming } from './paint-budget';

const PAINT_OPTIONS: (keyof HeatmapOptions)[] = ['threshold', 'moreHeat', 'palette', 'opacity', 'sides'];

/**
 * The liquidation heatmap and levels as a lightweight-charts series primitive. Attach it with
 * `series.attachPrimitive(primitive)` (or use {@link createLiquidationHeatmap}); feed it klines with
 * {@link setData} and {@link update}. Each kline's column is drawn on the bar whose time is the kline's
 * open time (UTC seconds, or a business day at UTC midnight), whatever lies between bars; klines that do
 * not line up with the bars are not drawn and a console warning says why, once (not while a
 * {@link setDataAsync} load is replacing the data, nor for new bars set a task before their klines).
 * Data and queries are a {@link HeatmapDataController}'s; this class adapts the chart.
 */
export class LiquidationHeatmapPrimitive implements ISeriesPrimitive<Time> {
  private opts: HeatmapOptions;
  private readonly data: HeatmapDataController;
  private chart: IChartApiBase<Time> | null = null;
  private series: ISeriesApi<SeriesType, Time> | null = null;
  private requestUpdate: (() => void) | null = null;
  private readonly heatmapView: HeatmapPaneView;
  private readonly levelsView = new LevelsPaneView();
  private readonly views: readonly [HeatmapPaneView, LevelsPaneView];
  private readonly onSeriesData = (scope: DataChangedScope): void => {
    this.heatmapView.seriesDataChanged(scope);
    this.redraw();
  };
  /** Bumped by every change the chart cannot see (data, options, the series' data); part of {@link viewKey}. */
  private changes = 0;
  private lastViewKey = '';
  private warnedProblem: string | null = null;
  private placementCheck: ReturnType<typeof setTimeout> | null = null;

  /** Bad options throw a `RangeError` naming the option. `paint` sets the paint clock and budget per frame. */
  constructor(options: HeatmapOptionsPatch = {}, paint: Partial<PaintTiming> = {}) {
    this.opts = mergeHeatmapOptions(DEFAULT_HEATMAP_OPTIONS, options, 'LiquidationHeatmapPrimitive options');
    this.data = new HeatmapDataController({ model: this.opts.model, levels: this.opts.levels }, () => this.redraw());
    this.heatmapView = new HeatmapPaneView(paint);
    this.views = [this.heatmapView, this.levelsView];
  }

  /** Part of lightweight-charts' `ISeriesPrimitive`: called on `attachPrimitive`. */
  attached(param: SeriesAttachedParameter<Time>): void {
    this.chart = param.chart;
    this.series = param.series;
    this.requestUpdate = param.requestUpdate;
    param.series.subscribeDataChanged(this.onSeriesData);
  }

  /**
   * True once the chart this primitive is attached to was removed (`chart.remove()`): lightweight-charts
   * does not detach series primitives then, and asking it to redraw would throw "Object is disposed".
   */
  chartRemoved(): boolean {
    return this.chart !== null && this.chart.chartElement().parentElement === null;
  }

  /** Asks the chart for a redraw, unless it was removed: then lets go of it (pending loads are cancelled). */
  private redraw(): void {
    this.changes++;
    if (!this.chartRemoved()) {
      this.requestUpdate?.();
      return;
    }
    this.data.abort('the chart was removed');
    this.requestUpdate = null;
  }

  /** Part of `ISeriesPrimitive`: called on `detachPrimitive`; cancels pending loads, unsubscribes, drops caches. */
  detached(): void {
    this.lastViewKey = '';
    if (this.placementCheck !== null) clearTimeout(this.placementCheck);
    this.placementCheck = null;
    this.data.abort('detached from the series');
    this.series?.unsubscribeDataChanged(this.onSeriesData);
    this.chart = this.series = this.requestUpdate = null;
    this.heatmapView.reset();
    this.levelsView.reset();
  }

  /** Replaces the klines (oldest first) and recomputes. Bad input throws a `KlineError` naming row and field; nothing changes. */
  setData(klines: KlinesInput, context: ModelContext = {}): void {
    this.data.setData(klines, context);
  }

  /**
   * {@link setData} in short slices while the previous data stays drawn (ticks included), then swapped in.
   * A newer call, `setData` or detaching cancels it: it rejects with a `LoadAbortError` (`name` `'AbortError'`).
   */
  setDataAsync(klines: KlinesInput, context: ModelContext = {}, control: LoadControl = {}): Promise<void> {
    return this.data.setDataAsync(klines, context, control);
  }

  /** Applies the latest kline (any accepted form); see `LiquidationModel.update`. Bad input throws and changes nothing. */
  update(kline: unknown): UpdateResult {
    return this.data.update(kline);
  }

  /** Open-interest history (sizes become estimated USD), recomputed in slices after any pending load; bad points throw at once. */
  setOpenInterest(points: readonly OpenInterestInput[]): Promise<void> {
    return this.data.setOpenInterest(points);
  }

  /**
   * Merges options over the current ones and redraws; model options recompute in slices. A bad or unknown
   * option throws a `RangeError` naming it here, never in the render loop, and the options stay as they
   * were. `patch` must be an object (`{}` changes nothing): `undefined`, `null` or any other value throws a
   * `TypeError` naming `applyOptions`, as lightweight-charts' own `applyOptions` does not take them either.
   */
  applyOptions(patch: HeatmapOptionsPatch): void {
    checkPatchObject(patch, 'applyOptions');
    const next = mergeHeatmapOptions(this.opts, patch, 'applyOptions');
    const previous = this.opts;
    this.opts = next;
    if (patch.levels !== undefined) this.data.setLevelsOptions(next.levels);
    if (patch.model !== undefined && JSON.stringify(next.model) !== JSON.stringify(previous.model)) this.data.setModelOptions(next.model).catch(ignoreLoadAbort);
    if (PAINT_OPTIONS.some((key) => key in patch)) this.heatmapView.invalidatePaint();
    this.redraw();
  }

  /** The options in force. */
  options(): Readonly<HeatmapOptions> {
    return this.opts;
  }

  /** The levels report of the latest column, or null before data. */
  levels(): LevelsReport | null {
    return this.data.levels();
  }

  /** Stop, targets, reward-to-risk (and with `risk` the size) around the latest levels (see `planTrade`); null before data. */
  planTrade(request: TradePlanRequest): TradePlan | null {
    return this.data.planTrade(request);
  }

  /**
   * Density at a bar and price, or null outside the heatmap. `time` is a chart time as lightweight-charts
   * hands it out (`param.time` of a crosshair move): UTC seconds or a business day; epoch ms also works.
   */
  densityAt(time: Time, price: number): DensityReading | null {
    const ms = chartTimeToMs(time);
    if (ms === null) return null;
    // Klines finer than the bars: the bar shows (and reads) the last kline's column inside it.
    const column = this.heatmapView.columnAtBarTime(ms);
    return this.data.densityAt(column === null ? ms : this.data.model.klines.openTime[column], price);
  }

  /** The logical index of the bar column `c` is drawn on, or null when it is not drawn; for checks and tests. */
  barIndexOfColumn(column: number): number | null {
    return this.heatmapView.barIndexOf(column);
  }

  /** The level whose line is under a pane y coordinate (media pixels), if any. */
  levelAtCoordinate(y: number): Level | null {
    return this.levelsView.levelAt(y)?.level ?? null;
  }

  /** The headless model drawn now (read it; change it through this primitive). */
  headless(): LiquidationModel {
    return this.data.model;
  }

  /** Part of `ISeriesPrimitive`: brings the views up to date before lightweight-charts draws. */
  updateAllViews(): void {
    const { chart, series } = this;
    if (!chart || !series) return;
    // lightweight-charts calls this several times per frame; the views are rebuilt only when what they show moved.
    const key = this.viewKey(chart, series);
    if (key === this.lastViewKey && this.heatmapView.complete) return;
    this.lastViewKey = key;
    this.heatmapView.update(this.data.model, this.opts, chart, series);
    this.warnPlacement();
    if (!this.heatmapView.complete) setTimeout(() => this.redraw(), 0);
    this.levelsView.update(this.data.levels(), chart, series, this.opts);
  }

  /** Everything the views depend on, cheaply: data and option changes, viewport, price mapping, pane size, fonts. */
  private viewKey(chart: IChartApiBase<Time>, series: ISeriesApi<SeriesType, Time>): string {
    const timeScale = chart.timeScale();
    const range = timeScale.getVisibleLogicalRange();
    const { layout } = chart.options();
    const background = layout.background.type === 'solid' ? layout.background.color : layout.background.topColor;
    const model = this.data.model;
    const probe = model.length > 0 ? model.klines.close[model.length - 1] : 1;
    return [
      this.changes,
      range?.from,
      range?.to,
      timeScale.width(),
      series.priceToCoordinate(probe),
      series.priceToCoordinate(probe * 1.01),
      series.priceScale().options().mode,
      series.getPane().getHeight(),
      layout.fontFamily,
      layout.fontSize,
      background,
    ].join('|');
  }

  /**
   * Warns about a placement problem that outlives the task it was seen in, unless a load is replacing the
   * data: pages set the new bars and hand over the new klines in turn, and the old model never matches
   * the new bars in between.
   */
  private warnPlacement(): void {
    const problem = this.heatmapView.placementProblem;
    if (!problem) {
      this.warnedProblem = null;
      return;
    }
    if (this.warnedProblem === problem.kind || this.placementCheck !== null) return;
    const changes = this.changes;
    this.placementCheck = setTimeout(() => {
      this.placementCheck = null;
      // Anything changed since redraws and checks again.
      if (this.changes === changes) this.reportPlacement(problem);
    }, 0);
  }

  private reportPlacement(problem: PlacementProblem): void {
    const series = this.series;
    if (!series || this.data.replacing || this.chartRemoved()) return;
    const bars = series.data();
    // No bars yet is not a mismatch: the page has not set its candles.
    if (bars.length === 0) return;
    this.warnedProblem = problem.kind;
    console.warn(placementWarning(problem, { count: bars.length, first: bars[0].time, last: bars[bars.length - 1].time }));
  }

  /** Part of `ISeriesPrimitive`: the heatmap (under the candles) and the level lines. */
  paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }

  /** Part of `ISeriesPrimitive`: the levels' price-axis labels. */
  priceAxisViews(): readonly ISeriesPrimitiveAxisView[] {
    return this.levelsView.priceAxisViews();
  }

  /** Part of `ISeriesPrimitive`: off unless `autoscaleLevels`, so the heatmap never squashes the user's candles. */
  autoscaleInfo(): AutoscaleInfo | null {
    const report = this.opts.autoscaleLevels ? this.data.levels() : null;
    const prices = report ? [...report.above, ...report.below].map((l) => l.price) : [];
    if (prices.length === 0) return null;
    return { priceRange: { minValue: Math.min(...prices), maxValue: Math.max(...prices) } };
  }

  /** Part of `ISeriesPrimitive`: the level line under the cursor. */
  hitTest(_x: number, y: number): PrimitiveHoveredItem | null {
    return this.levelsView.hitTest(y);
  }
}
