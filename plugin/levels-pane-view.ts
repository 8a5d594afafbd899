import type { IChartApiBase, IPrimitivePaneView, ISeriesApi, MismatchDirection, PrimitiveHoveredItem, PrimitivePaneViewZOrder, SeriesType, Time } from 'lightweight-charts';
import type { Level, LevelsReport } from '../src/levels/level';
import type { HeatmapOptions, LevelLabelsOption } from './heatmap-options';
import { hostLabelStyle, type HostLabelStyle } from './host-label-style';
import { isNearestLevel, levelLabelText, sameLevel } from './level-label-text';
import { DashPatterns } from './dash-patterns';
import { LabelSprites } from './label-sprites';
import { LevelPriceAxisView } from './level-price-axis-view';
import { LABEL_HEIGHT, labelHeight, LevelsRenderer, type LevelLine } from './levels-renderer';

const HIT_TOLERANCE_PX = 5;
/** One labelled level per this many pixels of pane height. */
const LABEL_SPACING_PX = 80;
/** The nearest level each side is drawn this much thicker (media px). */
const NEAREST_EXTRA_WIDTH = 1.5;
const PERCENTAGE = 2;
const INDEXED_TO_100 = 3;
// lightweight-charts' MismatchDirection.NearestLeft (a const enum value; the package is only a peer).
const NEAREST_LEFT = -1 as MismatchDirection;

/**
 * The levels' pane view (drawn above the series): turns a levels report into lines for a
 * {@link LevelsRenderer}, price-axis labels and hit tests for the current viewport.
 */
export class LevelsPaneView implements IPrimitivePaneView {
  private current: LevelsRenderer | null = null;
  private lines: LevelLine[] = [];
  private placed: { level: Level; y: number }[] = [];
  private axisPool: LevelPriceAxisView[] = [];
  private axisViews: readonly LevelPriceAxisView[] = [];
  private labels = new WeakMap<Level, string>();
  private labelStyle: LevelLabelsOption = 'full';
  private labelFormat: ((price: number) => string) | null = null;
  private readonly sprites = new LabelSprites();
  private readonly dashes = new DashPatterns();
  /** What the lines and axis labels were last placed from (see {@link update}). */
  private inputs: readonly unknown[] = [];

  zOrder(): PrimitivePaneViewZOrder {
    return 'top';
  }

  renderer(): LevelsRenderer | null {
    return this.current;
  }

  /** Places `report`'s levels (and swept zones) for the current price scale, labelled the way the host chart labels. */
  update(report: LevelsReport | null, chart: IChartApiBase<Time>, series: ISeriesApi<SeriesType, Time>, options: HeatmapOptions): void {
    const style = hostLabelStyle(chart, series);
    const paneHeight = series.getPane().getHeight();
    const mode = series.priceScale().options().mode;
    const lastValues = lastValueCoordinates(series);
    // Two prices fix the price scale's mapping (affine in price, or in its logarithm). A pan that leaves
    // it alone changes only where the newest bar is, which the labels keep clear of.
    const inputs = [report, options, style.fontFamily, style.fontSize, style.boxColor, style.formatPrice, paneHeight, mode, series.priceToCoordinate(1), series.priceToCoordinate(2), ...lastValues];
    if (!sameInputs(inputs, this.inputs)) {
      this.inputs = inputs;
      this.place(report, series, options, style, paneHeight, mode, lastValues);
    }
    this.current = this.lines.length ? new LevelsRenderer(this.lines, { ...style, ...newestBar(chart, series) }, this.sprites, this.dashes) : null;
  }

  private place(report: LevelsReport | null, series: ISeriesApi<SeriesType, Time>, options: HeatmapOptions, style: HostLabelStyle, paneHeight: number, mode: number, lastValues: readonly number[]): void {
    this.lines = [];
    this.placed = [];
    if (style.formatPrice !== this.labelFormat || options.levelLabels !== this.labelStyle) {
      this.labels = new WeakMap();
      this.labelFormat = style.formatPrice;
      this.labelStyle = options.levelLabels;
    }
    const height = labelHeight(style.fontSize);
    const levels = report && options.levelsVisible ? drawnLevels(report).filter((l) => onShownSide(options, l.side)) : [];
    const labelled = new Set(labelledLevels(report, levels, labelBudget(paneHeight)));
    const axis: { level: Level; y: number }[] = [];
    for (const level of levels) {
      const y = series.priceToCoordinate(level.price);
      if (y === null) continue;
      const nearest = report !== null && isNearestLevel(report, level);
      this.placed.push({ level, y });
      if (labelled.has(level)) axis.push({ level, y });
      this.lines.push({
        y,
        color: level.side === 'long' ? options.longColor : options.shortColor,
        width: 1 + 2 * level.strength + (nearest ? NEAREST_EXTRA_WIDTH : 0),
        dashed: false,
        alpha: nearest ? 1 : 0.55 + 0.4 * level.strength,
        label: report && labelled.has(level) ? this.labelOf(level, report, style.formatPrice) : '',
        labelY: y,
      });
    }
    separateLabels(this.lines, height);
    if (report && options.levelsVisible && options.sweptVisible) {
      for (const zone of report.swept) {
        if (!onShownSide(options, zone.side)) continue;
        const y = series.priceToCoordinate(zone.price);
        if (y === null) continue;
        this.lines.push({ y, color: zone.side === 'long' ? options.longColor : options.shortColor, width: 1, dashed: true, alpha: 0.35, label: '', labelY: y });
      }
    }
    this.updateAxisViews(options, axis, mode, lastValues, style, height);
  }

  private labelOf(level: Level, report: LevelsReport, format: (price: number) => string): string {
    let label = this.labels.get(level);
    if (label === undefined) {
      label = levelLabelText(level, report, format, this.labelStyle);
      this.labels.set(level, label);
    }
    return label;
  }

  /** Price-axis labels; the same array while the number of labels is unchanged (the library caches by reference). */
  priceAxisViews(): readonly LevelPriceAxisView[] {
    return this.axisViews;
  }

  /** The level whose line is within a few pixels of `y`, nearest first. */
  levelAt(y: number): { level: Level; distance: number } | null {
    let best: { level: Level; distance: number } | null = null;
    for (const { level, y: ly } of this.placed) {
      const distance = Math.abs(ly - y);
      if (distance <= HIT_TOLERANCE_PX && (!best || distance < best.distance)) best = { level, distance };
    }
    return best;
  }

  hitTest(y: number): PrimitiveHoveredItem | null {
    const hit = this.levelAt(y);
    if (!hit) return null;
    return {
      externalId: levelId(hit.level),
      zOrder: 'top',
      cursorStyle: 'pointer',
      distance: hit.distance,
      hitTestPriority: 1,
      itemType: 'primitive',
    };
  }

  /** Drops the renderer, lines and labels (detach). */
  reset(): void {
    this.current = null;
    this.lines = [];
    this.placed = [];
    this.axisPool = [];
    this.axisViews = [];
    this.inputs = [];
    this.sprites.reset();
    this.dashes.reset();
  }

  /**
   * Axis labels for the labelled levels, most important first, leaving out any that would cover the
   * series' last-value label or an earlier one; none in percentage and indexed modes (their text would be
   * a price on a scale of percentages and widen the axis).
   */
  private updateAxisViews(options: HeatmapOptions, labelled: readonly { level: Level; y: number }[], mode: number, lastValues: readonly number[], style: HostLabelStyle, height: number): void {
    const shown: { level: Level; y: number }[] = [];
    if (options.axisLabelsVisible && mode !== PERCENTAGE && mode !== INDEXED_TO_100) {
      const taken = [...lastValues];
      for (const item of labelled) {
        if (taken.some((y) => Math.abs(y - item.y) < height)) continue;
        taken.push(item.y);
        shown.push(item);
      }
    }
    while (this.axisPool.length < shown.length) this.axisPool.push(new LevelPriceAxisView());
    shown.forEach(({ level, y }, i) => {
      const view = this.axisPool[i];
      view.y = y;
      view.label = style.formatPrice(level.price);
      view.color = level.side === 'long' ? options.longColor : options.shortColor;
      view.shown = true;
    });
    if (this.axisViews.length !== shown.length) this.axisViews = this.axisPool.slice(0, shown.length);
  }
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether the `sides` option shows levels of `side` (the heatmap's side and its levels go together). */
function onShownSide(options: HeatmapOptions, side: 'long' | 'short'): boolean {
  return options.sides === 'both' || options.sides === side;
}

/** The report's top levels on both sides, plus the nearest level each side when it is not among them. */
function drawnLevels(report: LevelsReport): Level[] {
  const levels = [...report.above, ...report.below];
  for (const nearest of [report.nearestAbove, report.nearestBelow]) {
    if (nearest && !levels.some((l) => sameLevel(l, nearest))) levels.push(nearest);
  }
  return levels;
}

/** How many levels get a label in a pane `height` media pixels high: about one per 80 px, at least two. */
export function labelBudget(height: number): number {
  return Math.max(2, Math.floor(height / LABEL_SPACING_PX));
}

/** The levels that get a label: the nearest each side first, then the strongest, `budget` in all (the nearest always). */
function labelledLevels(report: LevelsReport | null, levels: readonly Level[], budget: number): Level[] {
  if (!report) return [];
  const nearest = levels.filter((l) => isNearestLevel(report, l));
  const rest = levels.filter((l) => !isNearestLevel(report, l)).sort((a, b) => b.strength - a.strength);
  return [...nearest, ...rest.slice(0, Math.max(0, budget - nearest.length))];
}

/** Where the series' last-value labels sit (last bar overall and last visible bar), when they are shown. */
function lastValueCoordinates(series: ISeriesApi<SeriesType, Time>): number[] {
  if (!series.options().lastValueVisible) return [];
  const ys: number[] = [];
  for (const global of [true, false]) {
    const last = series.lastValueData(global);
    const y = last.noData ? null : series.priceToCoordinate(last.price);
    if (y !== null) ys.push(y);
  }
  return ys;
}

/** The newest bar's x and the bar spacing, so labels keep off the newest candles. */
function newestBar(chart: IChartApiBase<Time>, series: ISeriesApi<SeriesType, Time>): { newestX: number | null; barSpacing: number } {
  const timeScale = chart.timeScale();
  const last = series.dataByIndex(Number.MAX_SAFE_INTEGER, NEAREST_LEFT);
  return { newestX: last ? timeScale.timeToCoordinate(last.time) : null, barSpacing: timeScale.options().barSpacing };
}

/** Moves label boxes (`height` high) down just enough that none overlaps the one above it (lines stay where they are). */
export function separateLabels(lines: LevelLine[], height = LABEL_HEIGHT): void {
  const labelled = lines.filter((l) => l.label).sort((a, b) => a.y - b.y);
  let previous = -Infinity;
  for (const line of labelled) {
    line.labelY = Math.max(line.y, previous + height);
    previous = line.labelY;
  }
}

/** Stable id of a level for hit tests: side and price. */
export function levelId(level: Level): string {
  return `liq-level:${level.side}:${level.price.toFixed(8)}`;
}
