import type { LiquidationModel } from '../model/liquidation-model';
import { columnLevels } from './compute-levels';
import type { EndedLevel, Level } from './level';
import type { LevelsOptions } from './levels-options';

/**
 * Follows the significant levels of a model from bar to bar: a level keeps its id while its zone
 * overlaps the zone of a level of the previous bar (the largest overlap wins, each id once), and one
 * that finds no successor ends, `swept` when that bar's sweep overlapped its zone, else `faded`.
 * Tracking starts a warm-up before the first bar asked for, so two histories that both cover it give the
 * same ids; the ids of a bar still forming are provisional (not committed until it closes).
 */
export class LevelTracker {
  private live: Level[] = [];
  private next = -1;
  private readonly ended: EndedLevel[] = [];

  constructor(
    private readonly model: LiquidationModel,
    private readonly options: LevelsOptions,
  ) {}

  /** The significant levels of column `index` with their tracked ids. */
  levelsAt(index: number): Level[] {
    const model = this.model;
    const closedEnd = model.hasForming ? model.length - 1 : model.length;
    if (this.next < 0 || index < this.next - 1) this.restart(index);
    while (this.next < Math.min(index + 1, closedEnd)) this.commit(this.next++);
    if (index < this.next) return this.live;
    return this.match(this.live, this.significant(index)).levels;
  }

  /** Levels that ended at or after `since` (epoch ms) up to the last committed bar, oldest first. */
  endedSince(since: number): EndedLevel[] {
    return this.ended.filter((e) => e.endedAt >= since);
  }

  private restart(index: number): void {
    const model = this.model;
    const times = model.klines.openTime;
    const from = times[index] - model.warmup(index).needMs;
    let start = 0;
    let end = index;
    while (start < end) {
      const mid = (start + end) >> 1;
      if (times[mid] < from) start = mid + 1;
      else end = mid;
    }
    this.next = Math.max(start, model.oldestColumn);
    this.live = [];
    this.ended.length = 0;
  }

  private commit(index: number): void {
    const time = this.model.klines.openTime[index];
    const { levels, unmatched } = this.match(this.live, this.significant(index));
    if (unmatched.length) {
      const sweeps = this.model.sweptZones(index - 1, index);
      for (const level of unmatched) {
        const swept = sweeps.some((z) => (z.side === 'long') === (level.side === 'long') && z.low <= level.high && z.high >= level.low);
        this.ended.push({ level, endedAt: time, how: swept ? 'swept' : 'faded' });
      }
    }
    this.live = levels;
  }

  private significant(index: number): Level[] {
    const model = this.model;
    const grid = model.grid;
    if (!grid) return [];
    const column = model.columnAt(index);
    const long = Float64Array.from(column.long, (v) => v * column.scale);
    const short = Float64Array.from(column.short, (v) => v * column.scale);
    const { above, below } = columnLevels(
      { grid, time: column.time, price: model.klines.close[index], unit: model.unit, sweepRule: model.sweepRule, long, short },
      this.options,
    );
    return [...below, ...above].filter((l) => l.strength >= this.options.minStrength);
  }

  /** `next` with ids inherited from overlapping `previous` levels (largest first), and the previous levels left without a successor. */
  private match(previous: readonly Level[], next: Level[]): { levels: Level[]; unmatched: Level[] } {
    const taken = new Set<Level>();
    const levels = [...next]
      .sort((a, b) => b.notional - a.notional)
      .map((level) => {
        let best: Level | null = null;
        let bestOverlap = 0;
        for (const old of previous) {
          if (old.side !== level.side || taken.has(old)) continue;
          const overlap = Math.min(old.high, level.high) - Math.max(old.low, level.low);
          if (overlap > bestOverlap) {
            best = old;
            bestOverlap = overlap;
          }
        }
        if (!best) return level;
        taken.add(best);
        return { ...level, id: best.id };
      });
    return { levels, unmatched: previous.filter((old) => !taken.has(old)) };
  }
}
