import type { IPrimitivePaneView, ISeriesApi, PrimitiveHoveredItem, PrimitivePaneViewZOrder, SeriesType, Time } from 'lightweight-charts';
import { formatLevelLabel, formatPrice } from '../src/levels/format-level';
import type { Level, LevelsReport } from '../src/levels/level';
import type { HeatmapOptions } from './heatmap-options';
import { LevelPriceAxisView } from './level-price-axis-view';
import { LABEL_HEIGHT, LevelsRenderer, type LevelLine } from './levels-renderer';

const HIT_TOLERANCE_PX = 5;

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

  zOrder(): PrimitivePaneViewZOrder {
    return 'top';
  }

  renderer(): LevelsRenderer | null {
    return this.current;
  }

  /** Places `report`'s levels (and swept zones) for the current price scale. */
  update(report: LevelsReport | null, series: ISeriesApi<SeriesType, Time>, options: HeatmapOptions): void {
    this.lines = [];
    this.placed = [];
    if (report && options.levelsVisible) {
      for (const level of [...report.above, ...report.below]) {
        const y = series.priceToCoordinate(level.price);
        if (y === null) continue;
        this.placed.push({ level, y });
        this.lines.push({
          y,
          color: level.side === 'long' ? options.longColor : options.shortColor,
          width: 1 + 2 * level.strength,
          dashed: false,
          alpha: 0.55 + 0.4 * level.strength,
          label: this.labelOf(level, report.unit),
          labelY: y,
        });
      }
    }
    separateLabels(this.lines);
    if (report && options.levelsVisible && options.sweptVisible) {
      for (const zone of report.swept) {
        const y = series.priceToCoordinate(zone.price);
        if (y === null) continue;
        this.lines.push({ y, color: zone.side === 'long' ? options.longColor : options.shortColor, width: 1, dashed: true, alpha: 0.35, label: '', labelY: y });
      }
    }
    this.updateAxisViews(options);
    this.current = this.lines.length ? new LevelsRenderer(this.lines) : null;
  }

  private labelOf(level: Level, unit: LevelsReport['unit']): string {
    let label = this.labels.get(level);
    if (label === undefined) {
      label = formatLevelLabel(level, unit);
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
  }

  private updateAxisViews(options: HeatmapOptions): void {
    const shown = options.axisLabelsVisible ? this.placed : [];
    while (this.axisPool.length < shown.length) this.axisPool.push(new LevelPriceAxisView());
    shown.forEach(({ level, y }, i) => {
      const view = this.axisPool[i];
      view.y = y;
      view.label = formatPrice(level.price);
      view.color = level.side === 'long' ? options.longColor : options.shortColor;
      view.shown = true;
    });
    if (this.axisViews.length !== shown.length) this.axisViews = this.axisPool.slice(0, shown.length);
  }
}

/** Moves label boxes down just enough that none overlaps the one above it (lines stay where they are). */
export function separateLabels(lines: LevelLine[]): void {
  const labelled = lines.filter((l) => l.label).sort((a, b) => a.y - b.y);
  let previous = -Infinity;
  for (const line of labelled) {
    line.labelY = Math.max(line.y, previous + LABEL_HEIGHT);
    previous = line.labelY;
  }
}

/** Stable id of a level for hit tests: side and price. */
export function levelId(level: Level): string {
  return `liq-level:${level.side}:${level.price.toFixed(8)}`;
}
