import type { IChartApiBase, IPrimitivePaneView, ISeriesApi, PrimitivePaneViewZOrder, SeriesType, Time } from 'lightweight-charts';
import { BarColumns, MAX_GROUPED_BAR_MS } from './bar-columns';
import { barSpacing } from './bar-spacing';
import { CellImage, type CellPaint, type ColumnSource } from './cell-image';
import { RowGeometryCache } from './chart-geometry';
import type { ColumnsReader } from './columns-reader';
import { visibleReference } from './colour-reference';
import { ColumnTimeMap, type PlacementProblem } from './column-time-map';
import { ColumnViews } from './column-views';
import { RECENT_COLUMNS, type HeatmapOptions } from './heatmap-options';
import { HeatmapRenderer } from './heatmap-renderer';
import { ImageSurface } from './image-surface';
import { buildIntensityLut } from './intensity-lut';
import { PaintBudget, type PaintTiming } from './paint-budget';
import { marginBars, PaneBitmapCache } from './pane-bitmap-cache';
import { paletteRamps } from './palette';

/**
 * Repainting is checked against the frame's {@link PaintBudget} every {@link PAINT_CHUNK_CELLS} cells, so a
 * first view of a long history is spread over frames instead of blocking one; the newest columns come first.
 */
const PAINT_CHUNK_CELLS = 32_768;
/** The first chunk of a frame is small: it may pay for a new tile and for code not yet optimised. */
const FIRST_CHUNK_COLUMNS = 8;

/** Share of the visible width the columns in view may move before the colour reference is taken again. */
const REFERENCE_RANGE_SLACK = 0.1;

/**
 * The heatmap's pane view (drawn behind the series): keeps the cached pixels and hands lightweight-charts
 * a {@link HeatmapRenderer} over them. Each column remembers the paint generation it was painted with; a new
 * generation starts when the data, colours, threshold, heat or the (stepped) normalising reference
 * change, and only columns that come into view are repainted, so the cost follows the visible bars, not
 * the whole history. A tick marks just the forming column stale.
 */
export class HeatmapPaneView implements IPrimitivePaneView {
  private current: HeatmapRenderer | null = null;
  private readonly budget: PaintBudget;
  private image: CellImage | null = null;
  private readonly surface = new ImageSurface();
  private readonly paneCache = new PaneBitmapCache();
  private paint: CellPaint | null = null;
  private luts: PaintLuts | null = null;
  private generation = 1;
  private stamps = new Uint32Array(0);
  /** Columns `[cleanFrom, cleanTo)` all carry the current generation's stamp: a pan repaints none of them and does not scan them. */
  private cleanFrom = 0;
  private cleanTo = 0;
  private dataVersion = -1;
  private tailVersion = -1;
  private columns = 0;
  private referenceKey = '';
  /** The columns the colour reference was last taken over. */
  private referenceRange: [number, number] = [0, 0];
  /** False when visible columns were left stale by the paint budget: draw again next frame. */
  complete = true;
  /** Whether the previous update left every column in view painted. */
  private paintedInView = true;
  private reference = 0;
  private readonly columnMap = new ColumnTimeMap();
  private readonly barColumns = new BarColumns();
  /** Length of the chart's bars when the klines are finer and are shown one column per bar; 0 otherwise. */
  private barMs = 0;
  private barMsVersion = -1;
  /** The placement problem grouping was last tried for (the bars could not group the klines): not retried per frame. */
  private groupingTried: PlacementProblem | null = null;
  /** Set when the series' bars were replaced: the grouping is worked out again on the next update. */
  private groupingStale = true;
  private readonly columnViews = new ColumnViews();
  private readonly rowGeometry = new RowGeometryCache();

  /** `timing` sets the clock and the paint budget per frame (defaults: `performance.now()`, 6 ms per 16 ms). */
  constructor(timing: Partial<PaintTiming> = {}) {
    this.budget = new PaintBudget(timing);
  }

  zOrder(): PrimitivePaneViewZOrder {
    return 'normal';
  }

  renderer(): HeatmapRenderer | null {
    return this.current;
  }

  /** Marks colours, threshold or heat as changed. */
  invalidatePaint(): void {
    this.paint = null;
  }

  /** The series' data changed: the bars under the columns may have moved. */
  seriesDataChanged(scope: 'full' | 'update' = 'full'): void {
    this.columnMap.invalidate();
    // New bars altogether (another interval, perhaps): the grouping of finer klines is found again.
    if (scope === 'full') this.groupingStale = true;
  }

  /** Why the klines are not drawn although there are some (they do not line up with the chart's bars), or null. */
  get placementProblem(): PlacementProblem | null {
    return this.columnMap.problem;
  }

  /**
   * The logical index of the bar the model's column `c` is drawn on, or null when it is not drawn (no bar at
   * its time, or a finer kline that is not the last inside its bar).
   */
  barIndexOf(column: number): number | null {
    if (this.columnMap.problem) return null;
    if (this.barMs === 0) return this.columnMap.indexOf(column);
    const bars = this.barColumns;
    const bar = bars.length > 0 ? lastAtMost(bars, column) : -1;
    return bar >= 0 && bars.sourceColumn(bar) === column ? this.columnMap.indexOf(bar) : null;
  }

  /** The model column drawn on the bar opening at `ms` (epoch ms): the same time, or the last finer kline inside it. */
  columnAtBarTime(ms: number): number | null {
    if (this.barMs === 0) return null;
    const c = this.barColumns.columnAtTime(ms);
    return c < 0 ? null : c;
  }

  /** Drops the renderer and every cache (detach). */
  reset(): void {
    this.current = null;
    this.columnMap.reset();
    this.barMs = 0;
    this.barMsVersion = -1;
    this.groupingStale = true;
    this.complete = true;
    this.paintedInView = true;
    this.image = null;
    this.surface.reset();
    this.paneCache.reset();
    this.columnViews.reset();
    this.rowGeometry.reset();
    this.paint = null;
    this.stamps = new Uint32Array(0);
    this.cleanFrom = this.cleanTo = 0;
    this.dataVersion = -1;
    this.columns = 0;
    this.referenceKey = '';
    this.referenceRange = [0, 0];
  }

  /** Brings the visible part of the image up to date for `model` (its revision says what changed) and the renderer with it. */
  update(source: ColumnsReader, options: HeatmapOptions, chart: IChartApiBase<Time>, series: ISeriesApi<SeriesType, Time>): void {
    this.current = null;
    this.complete = true;
    if (!source.grid || !options.heatmapVisible) return;
    const timeScale = chart.timeScale();
    const range = timeScale.getVisibleLogicalRange();
    if (!range) return;
    const model = this.placeColumns(source, timeScale, series);
    const grid = source.grid;
    const { data: version, tail: tailVersion } = model.revision;
    const count = model.length;
    // Placed out to the cached image's margins, so that panning within them draws no column.
    const margin = marginBars(timeScale.width(), timeScale.options().barSpacing);
    const placement = this.columnMap.place(timeScale, range.from - margin, range.to + margin, model.klines.openTime, model.klines.intervalMs);
    const visible = placement ? this.columnMap.columnsIn(range.from, range.to) : null;
    const rows = visible ? this.rowGeometry.of(series, grid) : null;
    if (!placement || !visible || !rows) return;
    if (!this.image || this.image.rows !== grid.rows || version !== this.dataVersion) {
      this.image = new CellImage(grid.rows);
      this.surface.reset(grid.rows);
      this.paneCache.invalidate();
      this.stamps = new Uint32Array(0);
      this.cleanFrom = this.cleanTo = 0;
      this.dataVersion = version;
      this.paint = null;
    }
    this.trackColumns(count, tailVersion);
    const { runs, origin, spacing } = placement;
    const { firstColumn, endColumn } = visible;
    // updateAllViews runs on every redraw (crosshair moves too): recompute only when an input changed.
    const [r0, r1] = options.normalizeOn === 'recent' ? [Math.max(0, count - RECENT_COLUMNS), count] : [firstColumn, endColumn];
    const key = `${version}:${tailVersion}:${options.sides}:${options.normalizePercentile}`;
    if (key !== this.referenceKey || this.rangeMoved(r0, r1)) {
      this.referenceKey = key;
      this.referenceRange = [r0, r1];
      this.reference = visibleReference(this.columnViews.of(model), grid.rows, r0, r1, options.sides, options.normalizePercentile, this.reference);
    }
    const reference = this.reference;
    if (!this.paint || this.paint.reference !== reference) {
      this.luts = paintLuts(options, this.luts);
      this.paint = createPaint(reference, options, this.luts);
      this.generation++;
      this.cleanFrom = this.cleanTo = 0;
    }
    const chunk = Math.max(1, Math.floor(PAINT_CHUNK_CELLS / grid.rows));
    const columns = this.columnViews.of(model);
    this.complete = this.paintInView(columns, firstColumn, endColumn, chunk);
    // While columns in view wait for paint, and once more when they are done, the cached image is redrawn.
    if (!this.complete || !this.paintedInView) this.paneCache.invalidate();
    this.paintedInView = this.complete;
    const [freshFrom, freshTo] = this.complete ? this.freshAround(firstColumn, endColumn, placement.firstColumn, placement.endColumn) : [firstColumn, firstColumn];
    // xOf(1) - xOf(0) wobbles in the last bits from frame to frame; nine digits tell real spacings apart.
    const cache = { store: this.paneCache, origin, layout: `${this.columnMap.revision}:${spacing.toPrecision(9)}`, freshFrom, freshTo };
    this.current = new HeatmapRenderer({ tiles: this.surface.tiles, rows: grid.rows, runs, strips: rows.strips, cache });
  }

  /**
   * Maps the columns to the chart's bars by time. Klines finer than the bars (15m klines on 4h candles) are
   * shown one per bar, the last inside it, when the bars are a whole number of klines up to a day long.
   */
  private placeColumns(source: ColumnsReader, timeScale: ReturnType<IChartApiBase<Time>['timeScale']>, series: ISeriesApi<SeriesType, Time>): ColumnsReader {
    const { data: version } = source.revision;
    const klineMs = source.klines.intervalMs;
    const groups = (barMs: number) => klineMs > 0 && barMs > klineMs && barMs <= MAX_GROUPED_BAR_MS && barMs % klineMs === 0;
    if (version !== this.barMsVersion || this.groupingStale) {
      this.barMsVersion = version;
      this.groupingStale = false;
      this.groupingTried = null;
      // The bars' spacing says at once whether the klines are finer, without first mapping every finer
      // column to no bar (19,200 lookups for 6M of 15m klines under 1h candles).
      const spacing = barSpacing(series, timeScale);
      this.barMs = groups(spacing) ? spacing : 0;
    }
    let model: ColumnsReader = this.barMs > 0 ? this.barColumns.sync(source, this.barMs) : source;
    this.columnMap.sync(timeScale, model.klines.openTime, model.length, version);
    if (this.barMs > 0 && this.columnMap.problem) {
      // Grouped columns that do not land on the bars: place them ungrouped, which names the problem.
      this.barMs = 0;
      model = source;
      this.columnMap.sync(timeScale, model.klines.openTime, model.length, version);
    }
    const problem = this.columnMap.problem;
    if (this.barMs === 0 && problem?.kind === 'finer-than-bars' && problem !== this.groupingTried) {
      this.groupingTried = problem;
      const barMs = barSpacing(series, timeScale);
      if (groups(barMs)) {
        this.barMs = barMs;
        model = this.barColumns.sync(source, barMs);
        this.columnMap.sync(timeScale, model.klines.openTime, model.length, version);
      }
    }
    return model;
  }

  /**
   * Whether the columns in view moved by more than {@link REFERENCE_RANGE_SLACK} of their width since the
   * colour reference was taken: panning a bar a frame then takes it again every few dozen frames, not on
   * every frame (a sample over every visible column, and the reference moves in coarse steps anyway).
   */
  private rangeMoved(r0: number, r1: number): boolean {
    const [a0, a1] = this.referenceRange;
    return Math.abs(r0 - a0) + Math.abs(r1 - a1) > Math.max(0, REFERENCE_RANGE_SLACK * (r1 - r0));
  }

  /**
   * The painted columns `[c0, c1)` with those painted for the current colours next to them, out to
   * `[m0, m1)`: what the pane cache may keep. Columns are painted only once in view, so the margins are
   * fresh where the view has been since the colours last changed.
   */
  private freshAround(c0: number, c1: number, m0: number, m1: number): [number, number] {
    const stamps = this.stamps;
    const generation = this.generation;
    let from = c0;
    let to = c1;
    while (from > m0 && stamps[from - 1] === generation) from--;
    while (to < m1 && stamps[to] === generation) to++;
    return [from, to];
  }

  private trackColumns(count: number, tailVersion: number): void {
    if (this.stamps.length < count) {
      const grown = new Uint32Array(Math.max(count, this.stamps.length * 2, 64));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    if (tailVersion !== this.tailVersion || count !== this.columns) {
      // The previous last column may have closed and the new last one is forming: both are stale.
      const stale = Math.max(0, Math.min(this.columns, count) - 1);
      for (let c = stale; c < count; c++) this.stamps[c] = 0;
      this.cleanTo = Math.max(this.cleanFrom, Math.min(this.cleanTo, stale));
      this.tailVersion = tailVersion;
      this.columns = count;
    }
  }

  /**
   * Paints the stale columns of `[c0, c1)` within the frame's budget, those outside the clean range only;
   * true when none is left stale.
   */
  private paintInView(source: ColumnSource, c0: number, c1: number, chunk: number): boolean {
    const { cleanFrom, cleanTo } = this;
    const overlaps = cleanFrom < cleanTo && c0 <= cleanTo && c1 >= cleanFrom;
    if (overlaps && c0 >= cleanFrom && c1 <= cleanTo) return true;
    const [a0, a1] = overlaps ? [Math.max(c0, cleanTo), c1] : [c0, c1];
    const [b0, b1] = overlaps ? [c0, Math.min(c1, cleanFrom)] : [c0, c0];
    const done = this.budget.spend((expired) => this.paintStale(source, a0, a1, chunk, expired) && this.paintStale(source, b0, b1, chunk, expired));
    if (done) [this.cleanFrom, this.cleanTo] = overlaps ? [Math.min(c0, cleanFrom), Math.max(c1, cleanTo)] : [c0, c1];
    return done;
  }

  /**
   * Paints stale visible columns, newest first, in chunks growing to `chunk` columns until the frame's
   * budget is spent; true when none is left stale.
   */
  private paintStale(source: ColumnSource, c0: number, c1: number, chunk: number, expired: () => boolean): boolean {
    const image = this.image as CellImage;
    const paint = this.paint as CellPaint;
    let size = Math.min(chunk, FIRST_CHUNK_COLUMNS);
    let c = c1;
    while (c > c0) {
      if (this.stamps[c - 1] === this.generation) {
        c--;
        continue;
      }
      if (expired()) return false;
      const end = c;
      while (c > c0 && end - c < size && this.stamps[c - 1] !== this.generation) this.stamps[--c] = this.generation;
      size = Math.min(chunk, size * 2);
      image.paint(source, c, end, paint);
      this.surface.sync(image, c, end);
      this.paneCache.columnsChanged(c, end);
    }
    return true;
  }
}

/** The lookup tables of the colour options; they do not depend on the colour reference, which moves on every pan. */
interface PaintLuts {
  palette: HeatmapOptions['palette'];
  threshold: number;
  moreHeat: number;
  opacity: number;
  twoSided: boolean;
  longLut: Uint32Array;
  shortLut: Uint32Array;
}

function paintLuts(options: HeatmapOptions, previous: PaintLuts | null): PaintLuts {
  const { palette, threshold, moreHeat, opacity } = options;
  if (previous && previous.palette === palette && previous.threshold === threshold && previous.moreHeat === moreHeat && previous.opacity === opacity) return previous;
  const ramps = paletteRamps(palette);
  const params = { threshold, moreHeat, opacity };
  const longLut = buildIntensityLut(ramps.long, params);
  return { palette, threshold, moreHeat, opacity, twoSided: ramps.twoSided, longLut, shortLut: ramps.twoSided ? buildIntensityLut(ramps.short, params) : longLut };
}

function createPaint(reference: number, options: HeatmapOptions, luts: PaintLuts): CellPaint {
  return { reference, sides: options.sides, twoSided: luts.twoSided, longLut: luts.longLut, shortLut: luts.shortLut };
}

/** The last bar whose shown column is at most `column`. */
function lastAtMost(bars: BarColumns, column: number): number {
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bars.sourceColumn(mid) <= column) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
