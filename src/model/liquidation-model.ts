import { firstAtOrAfter } from '../klines/slice-series';
import { nextTask } from '../scheduling/next-task';
import type { Kline, KlineSeries } from '../klines/kline';
import { KlineError } from '../klines/kline-error';
import { validateUpdate } from '../klines/validate-update';
import type { BarInput } from './bar-input';
import { BarInputs } from './bar-inputs';
import { Engine, type StepResult } from './engine';
import { fillScaleBackwards, recordScale } from './column-scales';
import { HeatmapColumns } from './heatmap-columns';
import { nextDataRevision } from './data-revision';
import { FirstSeenIndex } from './first-seen';
import { KlineBuffer, type KlineView } from './kline-buffer';
import { LazyColumns } from './lazy-columns';
import { mergeModelOptions, type ModelOptions, type SweepRule } from './model-options';
import { parseOpenInterest, type OpenInterestInput } from './open-interest';
import { createPriceGrid, gridMax, gridMin, type PriceGrid } from './price-grid';
import type { SweptZoneAt } from './swept-zone';
import { warmupMs, type WarmupStatus } from './warmup';
import { SweepLog } from './sweep-log';
import type { Side } from './side';
import type { AsyncControl, CellDensity, ColumnView, DensityUnit, ModelContext, ModelRevision, UpdateResult } from './model-types';

export type { AsyncControl, CellDensity, ColumnView, DensityUnit, ModelContext, ModelRevision, UpdateResult } from './model-types';

/** Bars computed between checks of the slice clock in {@link LiquidationModel.setDataAsync}. */
const BARS_PER_STEP = 64;

/**
 * The headless liquidation model over one symbol's klines: every closed bar's heatmap column (long and
 * short density per price row), plus the forming bar's column, recomputed per tick from the last
 * closed state in O(rows) so closed history never repaints. A recompute advances the state through every
 * bar; a closed column is built when first read, from a checkpoint at most 64 bars (`CHECKPOINT_BARS`)
 * before it, and is the same whenever it is built.
 */
export class LiquidationModel {
  private opts: ModelOptions;
  private bars = new KlineBuffer();
  private readonly inputs = new BarInputs();
  private engine: Engine | null = null;
  private scratch: Engine | null = null;
  private store: HeatmapColumns | null = null;
  private closed = 0;
  private forming = false;
  private sweeps = new SweepLog();
  private formingSweeps = new SweepLog();
  private lastRule: SweepRule;
  private dataRevision = nextDataRevision();
  private tailRevision = 0;
  private readonly firstSeenIndex = new FirstSeenIndex();
  private readonly lazy = new LazyColumns();
  private readonly inputAt = (i: number): BarInput => this.barInput(i);
  private readonly readCell = (side: Side, column: number, row: number): number => {
    const store = this.build(column);
    return (side === 'long' ? store.longOf(column) : store.shortOf(column))[store.offset(column) + row];
  };

  constructor(options: Partial<ModelOptions> = {}) {
    this.opts = mergeModelOptions(options);
    this.lastRule = this.opts.sweep;
  }

  /** The options in force (defaults merged with what was given). */
  options(): Readonly<ModelOptions> {
    return this.opts;
  }

  /** Merges `partial` over the current options and recomputes. */
  applyOptions(partial: Partial<ModelOptions>): void {
    this.opts = mergeModelOptions({ ...this.opts, ...partial });
    this.rebuild();
  }

  /** Replaces all bars (oldest first) and recomputes every column. */
  setData(series: KlineSeries, context: ModelContext = {}): void {
    this.load(series, context);
    this.rebuild();
  }

  /**
   * Like {@link setData}, but computes in slices of about `sliceMs` with a yield to the event loop
   * between them, so a long history never blocks a page for long. Read the model only after it
   * resolves (a page keeps showing its previous model meanwhile). Rejects with the signal's reason on abort.
   */
  async setDataAsync(series: KlineSeries, context: ModelContext = {}, control: AsyncControl = {}): Promise<void> {
    this.load(series, context);
    // The caller's own work (e.g. handing the candles to the chart) ends the current task; start fresh.
    await nextTask();
    if (control.signal?.aborted) throw control.signal.reason;
    const steps = this.loadSteps();
    const sliceMs = control.sliceMs ?? 8;
    const total = this.bars.length;
    for (;;) {
      const start = performance.now();
      let step = steps.next();
      while (!step.done && performance.now() - start < sliceMs) step = steps.next();
      if (step.done) return;
      control.onProgress?.(this.closed, total);
      await nextTask();
      if (control.signal?.aborted) throw control.signal.reason;
    }
  }

  private load(series: KlineSeries, context: ModelContext): void {
    const openInterest = context.openInterest ? parseOpenInterest(context.openInterest) : [];
    this.bars = KlineBuffer.from(series);
    this.inputs.setContext(openInterest, context.markPrice);
    this.forming = series.length > 0 && context.lastBarForming !== false;
  }

  /**
   * The asynchronous recompute: every bar's state, then the columns of the warm-up before the last bar,
   * newest first. A report's first-seen walks read back that far, so building them here, in slices,
   * keeps the first report after the load from building them in one long task.
   */
  private *loadSteps(): Generator<void, void, void> {
    yield* this.rebuildSteps();
    const last = this.closed - 1;
    if (last < 0) return;
    const times = this.bars.openTime;
    const from = Math.max(this.oldestColumn, firstAtOrAfter(times, times[last] - warmupMs(this.opts.tiers), 0, last));
    for (let i = last; i >= from; i = this.lazy.spanStart(i) - 1) {
      this.build(i);
      yield;
    }
  }

  /**
   * Replaces the open-interest history and recomputes. Points are numbers or Binance's own rows with numeric
   * strings; a bad one throws a `RangeError` naming its row, field and value, and nothing changes.
   */
  setOpenInterest(points: readonly OpenInterestInput[]): void {
    this.inputs.setOpenInterest(parseOpenInterest(points));
    this.rebuild();
  }

  /**
   * Applies the latest kline: the same open time as the forming bar replaces it; a newer one closes the
   * forming bar and starts the next; `closed: true` closes it at once. Older klines are ignored
   * (`'stale'`): closed history never changes. A bar outside the price grid recomputes everything.
   */
  update(kline: Kline): UpdateResult {
    validateUpdate(kline, this.bars.length > 0 ? this.bars.openTime[this.bars.length - 1] : undefined, this.bars.intervalMs, { source: 'update' });
    const n = this.bars.length;
    if (n === 0 || !this.engine) {
      this.bars.set(0, kline);
      this.forming = kline.closed !== true;
      this.rebuild();
      return 'rebuilt';
    }
    const lastTime = this.bars.openTime[n - 1];
    if (kline.openTime < lastTime || (kline.openTime === lastTime && !this.forming)) return 'stale';
    if (kline.openTime > lastTime) {
      const interval = this.bars.intervalMs || kline.openTime - lastTime;
      if ((kline.openTime - lastTime) % interval !== 0) {
        throw new KlineError('mixed-interval', `open time ${kline.openTime} is not a whole number of ${interval} ms intervals after ${lastTime}`, undefined, 'openTime');
      }
      if (!this.bars.intervalMs) this.bars.intervalMs = interval;
      if (this.forming) this.commitForming();
      this.bars.set(this.bars.length, kline);
    } else {
      this.bars.set(n - 1, kline);
    }
    this.forming = true;
    const grid = this.engine.grid;
    if (kline.high > gridMax(grid) || kline.low < gridMin(grid)) {
      this.forming = kline.closed !== true;
      this.rebuild();
      return 'rebuilt';
    }
    this.tailRevision++;
    if (kline.closed === true) {
      this.commitForming();
      return 'closed';
    }
    this.computeForming();
    return 'forming';
  }

  /** Number of columns (closed bars plus the forming one, if any). */
  get length(): number {
    return this.bars.length;
  }

  /** Number of closed bars. */
  get closedLength(): number {
    return this.closed;
  }

  /** Whether the last column belongs to a bar still forming. */
  get hasForming(): boolean {
    return this.forming;
  }

  /** The price grid, or null before data. */
  get grid(): PriceGrid | null {
    return this.engine ? this.engine.grid : null;
  }

  /** `usd` when open interest scales the model, else `heat`. */
  get unit(): DensityUnit {
    return this.inputs.openInterest.length > 0 ? 'usd' : 'heat';
  }

  /** The sweep rule in force for the latest bar (`mark` when mark-price klines were given). */
  get sweepRule(): SweepRule {
    return this.lastRule;
  }

  /** The bars the model holds, oldest first, read-only (its own copy; `toSeries()` copies them out). */
  get klines(): KlineView {
    return this.bars;
  }

  /** What changed since a cache was built; see {@link ModelRevision}. */
  get revision(): ModelRevision {
    return { data: this.dataRevision, tail: this.tailRevision };
  }

  /**
   * Column `i` (0 oldest; the forming bar last) as read-only views of raw values plus the scale to the
   * unit. Throws a `RangeError` for a column the model does not have.
   */
  columnAt(i: number): ColumnView {
    this.requireColumn(i, 'columnAt');
    const store = this.build(i);
    const rows = store.grid.rows;
    const offset = store.offset(i);
    return {
      index: i,
      time: this.bars.openTime[i],
      long: store.longOf(i).subarray(offset, offset + rows),
      short: store.shortOf(i).subarray(offset, offset + rows),
      scale: store.scale(i),
      offGrid: store.offGridOf(i),
    };
  }

  /** Density at column `i` and grid row `row` in the model's unit; null for a row outside the grid. */
  densityAt(i: number, row: number): CellDensity | null {
    const rows = this.requireColumn(i, 'densityAt').grid.rows;
    if (!(row >= 0 && row < rows) || !Number.isInteger(row)) return null;
    const store = this.build(i);
    const scale = store.scale(i);
    const offset = store.offset(i) + row;
    const long = store.longOf(i)[offset] * scale;
    const short = store.shortOf(i)[offset] * scale;
    return { long, short, total: long + short };
  }

  /**
   * Open time of the first bar of the unbroken run of `side` mass at `row` that reaches column `index`
   * (its own open time when the run starts there): when a cluster formed. A run longer than the warm-up
   * ({@link warmupMs}) reports the first bar of the warm-up before `index`: mass older than that weighs under
   * 1 %, and rows the forward flow keeps filled near price would otherwise walk the whole history. Cached
   * per data revision.
   */
  firstSeen(side: Side, row: number, index = this.length - 1): number {
    this.requireColumn(index, 'firstSeen');
    const kept = (this.store as HeatmapColumns).oldest(this.bars.length);
    const oldest = Math.max(kept, firstAtOrAfter(this.bars.openTime, this.bars.openTime[index] - warmupMs(this.opts.tiers), kept, index));
    return this.bars.openTime[this.firstSeenIndex.firstColumn(this.readCell, side, row, index, oldest)];
  }

  private requireColumn(i: number, what: string): HeatmapColumns {
    const store = this.store;
    if (!store || !(i >= 0 && i < this.bars.length) || !Number.isInteger(i)) {
      throw new RangeError(`${what}: no column ${i} (the model has ${this.bars.length})`);
    }
    if (i < store.oldest(this.bars.length)) {
      throw new RangeError(`${what}: column ${i} is no longer kept (keepColumns ${this.opts.keepColumns}: columns from ${store.oldest(this.bars.length)} on)`);
    }
    return store;
  }

  /**
   * Whether the bars before column `index` cover the warm-up the tiers need ({@link warmupMs}): when
   * `complete`, the report at that bar is the same whatever longer history the model was given.
   */
  warmup(index = this.length - 1): WarmupStatus {
    const needMs = warmupMs(this.opts.tiers);
    const haveMs = index > 0 && index < this.bars.length ? this.bars.openTime[index] - this.bars.openTime[0] : 0;
    return { needMs, haveMs, complete: haveMs >= needMs };
  }

  /** Oldest column still readable (0 unless `keepColumns` bounds the history kept). */
  get oldestColumn(): number {
    return this.store ? this.store.oldest(this.bars.length) : 0;
  }

  /** Zones swept by the bars with index in `(fromIndex, toIndex]` (the forming bar included), oldest first. */
  sweptZones(fromIndex = -1, toIndex = this.length - 1): SweptZoneAt[] {
    return [...this.sweeps.between(fromIndex, toIndex), ...this.formingSweeps.between(fromIndex, toIndex)];
  }

  private rebuild(): void {
    const steps = this.rebuildSteps();
    while (!steps.next().done);
  }

  /**
   * The full recompute, yielding every {@link BARS_PER_STEP} bars so {@link setDataAsync} can pause
   * between slices: small steps keep a slice near its time budget (512 bars were ~20 ms here).
   */
  private *rebuildSteps(): Generator<void, void, void> {
    const n = this.bars.length;
    this.dataRevision = nextDataRevision();
    this.firstSeenIndex.clear();
    this.lazy.clear();
    this.sweeps.clear();
    this.formingSweeps.clear();
    this.closed = 0;
    if (n === 0) {
      this.engine = this.scratch = this.store = null;
      return;
    }
    const [low, high] = this.bars.range(n);
    const o = this.opts;
    const grid = createPriceGrid(low, high, { resolutionPct: o.resolutionPct, maxRows: o.rows, marginPct: o.marginPct, tickSize: o.tickSize });
    this.engine = new Engine(grid, this.opts, this.bars.intervalMs);
    this.scratch = new Engine(grid, this.opts, this.bars.intervalMs);
    this.store = HeatmapColumns.reuse(this.store, grid, n + 64, this.opts.keepColumns);
    this.inputs.realign();
    const closedCount = this.forming ? n - 1 : n;
    for (let i = 0; i < closedCount; i++) {
      this.stepClosed(i, false);
      if (i % BARS_PER_STEP === BARS_PER_STEP - 1) yield;
    }
    if (this.inputs.openInterest.length > 0) fillScaleBackwards(this.store, this.closed);
    if (this.forming) this.computeForming();
  }

  private commitForming(): void {
    this.stepClosed(this.closed, true);
    this.formingSweeps.clear();
    this.forming = false;
  }

  /**
   * Applies closed bar `i` to the state. A checkpoint bar also writes its column (its peaks set the
   * pruning floor) and keeps a checkpoint; other bars write theirs only when `write` (a bar closing live).
   */
  private stepClosed(i: number, write: boolean): void {
    const engine = this.engine as Engine;
    const input = this.barInput(i);
    const result = engine.advance(input);
    this.recordSweeps(i, result, this.sweeps, engine);
    this.lazy.closed(engine, this.store as HeatmapColumns, this.bars.openTime, this.bars.intervalMs, i, input, write);
    recordScale(this.store as HeatmapColumns, i, engine, input, this.inputs.openInterest.length > 0);
    this.closed = i + 1;
  }

  private computeForming(): void {
    const scratch = this.scratch as Engine;
    const i = this.bars.length - 1;
    scratch.copyFrom(this.engine as Engine);
    const input = this.barInput(i);
    const result = scratch.advance(input);
    this.formingSweeps.clear();
    this.recordSweeps(i, result, this.formingSweeps, scratch);
    this.lazy.write(scratch, this.store as HeatmapColumns, i, input);
    recordScale(this.store as HeatmapColumns, i, scratch, input, this.inputs.openInterest.length > 0);
  }

  /** The store with column `i` built (see {@link LazyColumns.build}). */
  private build(i: number): HeatmapColumns {
    const store = this.store as HeatmapColumns;
    this.lazy.build(i, store, this.scratch as Engine, this.closed, this.bars.length, this.inputAt);
    return store;
  }

  private recordSweeps(i: number, result: StepResult, sweeps: SweepLog, engine: Engine): void {
    this.lastRule = result.rule;
    const time = this.bars.openTime[i];
    if (result.longSwept) {
      const z = engine.long.swept;
      sweeps.push(true, z.price, z.low, z.high, z.notional, time, i);
    }
    if (result.shortSwept) {
      const z = engine.short.swept;
      sweeps.push(false, z.price, z.low, z.high, z.notional, time, i);
    }
  }

  private barInput(i: number): BarInput {
    return this.inputs.at(this.bars, i);
  }
}
