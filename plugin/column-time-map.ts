import type { ITimeScaleApi, Logical, Time, UTCTimestamp } from 'lightweight-charts';

/** Columns `[firstColumn, endColumn)` drawn side by side: column `c`'s left edge is `x0 + c * columnWidth` (media pixels). */
export interface ColumnRun {
  firstColumn: number;
  endColumn: number;
  x0: number;
  columnWidth: number;
}

/**
 * Where the visible columns land: contiguous runs, and the column range they cover (for painting);
 * `origin` is the x (media px) of logical index 0 and `spacing` the bar spacing: with the map's
 * {@link ColumnTimeMap.revision} they fix every run, and a pan changes only `origin`.
 */
export interface ColumnPlacement {
  runs: ColumnRun[];
  firstColumn: number;
  endColumn: number;
  origin: number;
  spacing: number;
}

/** Why nothing is drawn although there are klines: they do not line up with the chart's bars. */
export interface PlacementProblem {
  kind: 'no-match' | 'finer-than-bars';
  /** Counts of each kind of column, for the message. */
  klines: number;
  matched: number;
  between: number;
  /** An example kline open time (epoch ms). */
  exampleKline: number;
}

type TimeScale = Pick<ITimeScaleApi<Time>, 'timeToIndex' | 'logicalToCoordinate'>;

const UNMAPPED = -1;

/**
 * Maps each model column to the time scale's index of the bar with the same time (`timeToIndex`), once
 * per data revision and again when the time scale's points moved (another series' times, new bars),
 * so columns are placed by time, never by position: gaps, whitespace and other series' times between
 * bars leave each column on its own bar. Columns without a bar are not drawn.
 */
export class ColumnTimeMap {
  private index = new Int32Array(0);
  private mapped = new Int32Array(0);
  private mappedCount = 0;
  private length = 0;
  private version = -1;
  private stale = false;
  /** Bumped whenever a column's bar may have changed (a rebuild or new columns looked up). */
  revision = 0;
  /** Set after a rebuild when the klines do not line up with the chart's bars (nothing is placed then). */
  problem: PlacementProblem | null = null;

  /**
   * The series' data changed: on the next {@link sync} the columns after the last one placed are looked
   * up again (a new bar), and everything when the placed ones moved (bars inserted or removed before them).
   */
  invalidate(): void {
    this.stale = true;
  }

  /** Drops everything (detach). */
  reset(): void {
    this.index = new Int32Array(0);
    this.mapped = new Int32Array(0);
    this.mappedCount = this.length = 0;
    this.version = -1;
    this.stale = false;
    this.problem = null;
  }

  /** Brings the map up to date for `count` columns with `openTimes` (epoch ms) of data revision `version`. */
  sync(timeScale: TimeScale, openTimes: Float64Array, count: number, version: number): void {
    if (version !== this.version || count < this.length || !this.stillPlaced(timeScale, openTimes)) {
      this.rebuild(timeScale, openTimes, count, version);
      return;
    }
    // A tick's kline may come before its candle: the columns after the last placed one are looked up again.
    const from = this.stale ? (this.mappedCount > 0 ? this.mapped[this.mappedCount - 1] + 1 : 0) : this.length;
    this.stale = false;
    if (from >= count && count === this.length) return;
    this.length = Math.min(this.length, from);
    this.extend(timeScale, openTimes, count);
    this.problem = diagnose(this.index, openTimes, count, this.mappedCount);
  }

  /** The logical index of column `c`'s bar, or null when the chart has no bar at its time. */
  indexOf(column: number): number | null {
    const i = column < this.length ? this.index[column] : UNMAPPED;
    return i === UNMAPPED ? null : i;
  }

  /** Runs of visible columns for the logical range `from..to`; null when none is visible or placing is refused. */
  place(timeScale: TimeScale, from: number, to: number, openTimes: Float64Array, intervalMs: number): ColumnPlacement | null {
    if (this.problem || this.mappedCount === 0) return null;
    const mapped = this.mapped.subarray(0, this.mappedCount);
    const index = this.index;
    let k = lowerBound(mapped, index, Math.floor(from));
    const runs: ColumnRun[] = [];
    const xOf = (logical: number) => timeScale.logicalToCoordinate(logical as Logical);
    const x1 = xOf(0);
    const x2 = xOf(1);
    if (x1 === null || x2 === null) return null;
    const spacing = x2 - x1;
    let firstColumn = -1;
    let endColumn = -1;
    let step = 1;
    let linked = false;
    let run: ColumnRun | null = null;
    const limit = Math.ceil(to);
    for (; k < mapped.length && index[mapped[k]] <= limit; k++) {
      const c = mapped[k];
      const next = k + 1 < mapped.length ? mapped[k + 1] : -1;
      // A column spans its bar up to the next column's bar when the next kline follows without a gap.
      const follows = next === c + 1 && (intervalMs === 0 || openTimes[next] - openTimes[c] === intervalMs);
      const own = follows ? index[next] - index[c] : step;
      if (run && linked && own === step) {
        run.endColumn = c + 1;
      } else {
        const x = xOf(index[c]);
        if (x === null) continue;
        run = { firstColumn: c, endColumn: c + 1, columnWidth: own * spacing, x0: x - spacing / 2 - c * own * spacing };
        runs.push(run);
      }
      linked = follows;
      step = own;
      if (firstColumn < 0) firstColumn = c;
      endColumn = c + 1;
    }
    return runs.length ? { runs, firstColumn, endColumn, origin: x1, spacing } : null;
  }

  /** The columns `[firstColumn, endColumn)` on bars of the logical range `from..to`, as {@link place} bounds them; null when none. */
  columnsIn(from: number, to: number): { firstColumn: number; endColumn: number } | null {
    if (this.problem || this.mappedCount === 0) return null;
    const mapped = this.mapped.subarray(0, this.mappedCount);
    const k0 = lowerBound(mapped, this.index, Math.floor(from));
    const k1 = lowerBound(mapped, this.index, Math.ceil(to) + 1);
    return k1 > k0 ? { firstColumn: mapped[k0], endColumn: mapped[k1 - 1] + 1 } : null;
  }

  private stillPlaced(timeScale: TimeScale, openTimes: Float64Array): boolean {
    if (this.mappedCount === 0) return this.length === 0 && !this.stale;
    const first = this.mapped[0];
    const last = this.mapped[this.mappedCount - 1];
    return indexOf(timeScale, openTimes[first]) === this.index[first] && indexOf(timeScale, openTimes[last]) === this.index[last];
  }

  private rebuild(timeScale: TimeScale, openTimes: Float64Array, count: number, version: number): void {
    this.stale = false;
    this.version = version;
    this.length = 0;
    this.mappedCount = 0;
    this.extend(timeScale, openTimes, count);
    this.problem = diagnose(this.index, openTimes, count, this.mappedCount);
  }

  private extend(timeScale: TimeScale, openTimes: Float64Array, count: number): void {
    this.revision++;
    if (this.index.length < count) {
      const size = Math.max(count, this.index.length * 2, 64);
      const index = new Int32Array(size);
      index.set(this.index.subarray(0, this.length));
      const mapped = new Int32Array(size);
      mapped.set(this.mapped.subarray(0, this.mappedCount));
      this.index = index;
      this.mapped = mapped;
    }
    // Columns before the time scale's first point have no bar (a history's warm-up before the first candle,
    // a third of a 6M load): found by a binary search instead of one lookup each.
    let c = this.length;
    if (c === 0) {
      const skip = beforeFirstPoint(timeScale, openTimes, count);
      this.index.fill(UNMAPPED, 0, skip);
      c = skip;
    }
    for (; c < count; c++) {
      const i = indexOf(timeScale, openTimes[c]);
      this.index[c] = i ?? UNMAPPED;
      if (i !== null) this.mapped[this.mappedCount++] = c;
    }
    this.length = count;
  }
}

/** How many of the first `count` columns open before the time scale's first point. */
function beforeFirstPoint(timeScale: TimeScale, openTimes: Float64Array, count: number): number {
  const before = (c: number) => {
    const time = (openTimes[c] / 1000) as UTCTimestamp;
    return timeScale.timeToIndex(time, false) === null && timeScale.timeToIndex(time, true) === 0;
  };
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexOf(timeScale: TimeScale, openTimeMs: number): number | null {
  return timeScale.timeToIndex((openTimeMs / 1000) as UTCTimestamp, false);
}

/**
 * No column on a bar: the times do not line up (shifted, ms for s). More than half as many columns between
 * two adjacent bars as on bars: the klines are finer than the chart's bars (1h klines on daily candles,
 * 15m klines on 30m bars).
 */
function diagnose(index: Int32Array, openTimes: Float64Array, count: number, matched: number): PlacementProblem | null {
  if (count === 0) return null;
  if (matched === 0) return { kind: 'no-match', klines: count, matched, between: 0, exampleKline: openTimes[0] };
  let between = 0;
  let example = 0;
  let previous = -1;
  for (let c = 0; c < count; c++) {
    if (index[c] === UNMAPPED) continue;
    if (previous >= 0 && c - previous > 1 && index[c] - index[previous] === 1) {
      if (between === 0) example = openTimes[previous + 1];
      between += c - previous - 1;
    }
    previous = c;
  }
  return between * 2 > matched ? { kind: 'finer-than-bars', klines: count, matched, between, exampleKline: example } : null;
}

/** First position in `mapped` whose column's index is at least `logical` (indices grow with columns). */
function lowerBound(mapped: Int32Array, index: Int32Array, logical: number): number {
  let lo = 0;
  let hi = mapped.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index[mapped[mid]] < logical) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
