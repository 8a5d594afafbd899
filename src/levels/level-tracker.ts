import { firstAtOrAfter } from '../klines/slice-series';
import type { LiquidationModel } from '../model/liquidation-model';
import { clusterOf, columnLevels, sameCluster } from './compute-levels';
import type { EndedLevel, Level } from './level';
import type { LevelsOptions } from './levels-options';

/**
 * How far before the first bar asked for tracking starts. Two days (576 columns of 5m, about 40 ms once)
 * keep the first report of a long history inside one frame's budget; a level already alive then is named
 * after the bar tracking started at, and keeps that id from there on.
 */
const TRACK_WINDOW_MS = 2 * 86_400_000;

/**
 * Follows the significant levels of a model from bar to bar: a level keeps its id while its cluster (the
 * rows out to the valleys around its peak, of which the zone is the core) overlaps the cluster of a level
 * of the previous bar (the largest overlap wins, each id once), and one that finds no successor ends,
 * `swept` when that bar's sweep overlapped its zone, else `faded`. Clusters, not zones: a zone one row
 * wide stops overlapping its predecessor when the peak moves by a row, while the cluster lives on.
 * Tracking starts two days before the first bar asked for, so two histories whose state has converged by
 * then (both covering two warm-ups before the bar) give the same ids; the ids of a bar still forming are provisional (not committed until it closes).
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

  /**
   * Commits one more closed bar on the way to column `index` (tracking from two days before it when not
   * started); true once every closed bar up to `index` is committed. Lets a caller spread the first
   * report's tracking over slices.
   */
  advance(index: number): boolean {
    const model = this.model;
    const end = Math.min(index + 1, model.hasForming ? model.length - 1 : model.length);
    if (this.next < 0 || index < this.next - 1) this.restart(index);
    if (this.next >= end) return true;
    this.commit(this.next++);
    return this.next >= end;
  }

  /** Levels that ended at or after `since` (epoch ms) up to the last committed bar, oldest first. */
  endedSince(since: number): EndedLevel[] {
    return this.ended.filter((e) => e.endedAt >= since);
  }

  private restart(index: number): void {
    const model = this.model;
    const times = model.klines.openTime;
    const start = firstAtOrAfter(times, times[index] - Math.min(model.warmup(index).needMs, TRACK_WINDOW_MS), 0, index);
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
        const swept = sweeps.some((z) => (z.side === 'long') === (level.side === 'long') && z.low < level.high && z.high > level.low);
        this.ended.push({ level, endedAt: time, how: swept ? 'swept' : 'faded' });
      }
    }
    this.live = levels;
  }

  private significant(index: number): Level[] {
    const model = this.model;
    const grid = model.grid;
    if (!grid) return [];
    // Raw values: the scale is one factor per column, so zones, strengths and overlaps are the same.
    const column = model.columnAt(index);
    const { above, below } = columnLevels(
      { grid, time: column.time, price: model.klines.close[index], unit: model.unit, sweepRule: model.sweepRule, long: column.long, short: column.short },
      this.options,
      true,
    );
    return [...below, ...above].filter((l) => l.strength >= this.options.minStrength).map((l) => sameCluster(l, { ...l, notional: l.notional * column.scale }));
  }

  /** `next` with ids inherited from overlapping `previous` levels (largest first), and the previous levels left without a successor. */
  private match(previous: readonly Level[], next: Level[]): { levels: Level[]; unmatched: Level[] } {
    const taken = new Set<Level>();
    // A side's clusters are disjoint, so sorted by low they are sorted by high too: the clusters a new one
    // overlaps are found by a binary search and a short walk, not by trying every pair.
    const bySide = (side: Level['side']) =>
      previous
        .filter((l) => l.side === side)
        .map((level) => ({ level, ...clusterOf(level) }))
        .sort((a, b) => a.low - b.low);
    const old = { long: bySide('long'), short: bySide('short') };
    const levels = [...next]
      .sort((a, b) => b.notional - a.notional)
      .map((level) => {
        const list = old[level.side];
        const { low, high } = clusterOf(level);
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid].high <= low) lo = mid + 1;
          else hi = mid;
        }
        let best: Level | null = null;
        let bestOverlap = 0;
        for (let k = lo; k < list.length && list[k].low < high; k++) {
          const candidate = list[k].level;
          if (taken.has(candidate)) continue;
          const overlap = Math.min(list[k].high, high) - Math.max(list[k].low, low);
          if (overlap > bestOverlap) {
            best = candidate;
            bestOverlap = overlap;
          }
        }
        if (!best) return level;
        taken.add(best);
        return best.id === level.id ? level : sameCluster(level, { ...level, id: best.id });
      });
    return { levels, unmatched: previous.filter((l) => !taken.has(l)) };
  }
}
