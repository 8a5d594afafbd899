import type { BarInput } from './bar-input';
import { barTurnover } from './bar-turnover';
import { decayFactors, decayGroups, type DecayGroups } from './decay-groups';
import { EntryTriangles } from './entry-triangles';
import { ForwardFlow } from './forward-flow';
import { spreadTiers } from './leverage-spread';
import { liquidationFactor } from './liquidation-price';
import type { ModelOptions, SweepRule } from './model-options';
import { linearGrid, type LinearGrid, type PriceGrid } from './price-grid';
import { barPathBounds } from './bar-path';
import { SideBook } from './side-book';
import { loadSideState, saveSideState, type SideState } from './side-state';
import type { FlowState } from './forward-flow';
import { noSweep, type SweepBounds } from './sweep-keep';

/** Totals and sweeps of one engine step. */
export interface StepResult {
  longTotal: number;
  shortTotal: number;
  /** Mass beyond the grid's far edge on each side (included in the totals). */
  longOffGrid: number;
  shortOffGrid: number;
  /** Whether the bar swept mass on each side (details in `long.swept` / `short.swept`). */
  longSwept: boolean;
  shortSwept: boolean;
  rule: SweepRule;
}

/** Everything an {@link Engine} carries from bar to bar, as {@link Engine.saveState} keeps it. */
export interface EngineState {
  readonly long: SideState;
  readonly short: SideState;
  readonly flow: FlowState | null;
  readonly lastTime: number;
  readonly lastOpenInterest: number;
  readonly prunePeakLong: number;
  readonly prunePeakShort: number;
}

/**
 * The model's state machine over one price grid. `step` applies one closed bar in the order the spec
 * fixes (decay, clear what the bar swept, add the bar's new positions) and writes the resulting column.
 */
export class Engine {
  readonly long: SideBook;
  readonly short: SideBook;
  readonly groups: DecayGroups;
  private readonly tierWeight: Float64Array;
  /** Natural logs of each tier's liquidation factor: the engine works in log price, where a factor is a shift. */
  private readonly longShift: Float64Array;
  private readonly shortShift: Float64Array;
  private readonly longEntries: EntryTriangles;
  private readonly shortEntries: EntryTriangles;
  /** The grid in log price. */
  readonly coord: LinearGrid;
  private readonly factors: Float64Array;
  private readonly nominalFactors: Float64Array;
  private readonly result: StepResult = { longTotal: 0, shortTotal: 0, longOffGrid: 0, shortOffGrid: 0, longSwept: false, shortSwept: false, rule: 'full' };
  private readonly longBounds: SweepBounds = noSweep();
  private readonly shortBounds: SweepBounds = noSweep();
  /** What the bar's own path liquidates of the positions it opens (`intrabarSweep: 'path'`). */
  private readonly longNew: SweepBounds = noSweep();
  private readonly shortNew: SweepBounds = noSweep();
  /** The next hours' expected positions, added to each column (not to the state); null when off. */
  private readonly flow: ForwardFlow | null;
  /** Open time of the last bar applied; NaN before the first. */
  lastTime = NaN;
  /** Open-interest value at the last bar applied; NaN when unknown. */
  lastOpenInterest = NaN;
  /**
   * Column peaks the pruning floor is taken from, refreshed only by {@link refreshPrunePeak}: the state
   * then never depends on which columns were written, so columns can be built later from a checkpoint.
   */
  private prunePeakLong = 0;
  private prunePeakShort = 0;

  constructor(
    readonly grid: PriceGrid,
    readonly options: ModelOptions,
    readonly intervalMs: number,
  ) {
    const tiers = spreadTiers(options.tiers, options.leverageSpread);
    this.groups = decayGroups(tiers);
    const groupCount = this.groups.halfLifeMs.length;
    const rows = grid.rows;
    const keep = new Float64Array(rows);
    const cleared = new Float64Array(rows);
    this.coord = linearGrid(grid);
    this.long = new SideBook(true, groupCount, this.coord, keep, cleared);
    this.short = new SideBook(false, groupCount, this.coord, keep, cleared);
    const weightSum = tiers.reduce((sum, tier) => sum + tier.weight, 0);
    this.tierWeight = Float64Array.from(tiers, (tier) => tier.weight / weightSum);
    this.longShift = Float64Array.from(tiers, (tier) => Math.log(liquidationFactor(tier.leverage, 'long', options.mmr)));
    this.shortShift = Float64Array.from(tiers, (tier) => Math.log(liquidationFactor(tier.leverage, 'short', options.mmr)));
    this.longEntries = new EntryTriangles(this.coord, this.longShift, this.tierWeight, this.groups.groupOfTier);
    this.shortEntries = new EntryTriangles(this.coord, this.shortShift, this.tierWeight, this.groups.groupOfTier);
    this.factors = new Float64Array(groupCount);
    this.nominalFactors = decayFactors(this.groups, intervalMs > 0 ? intervalMs : 0, new Float64Array(groupCount));
    const flowTiers = { weight: this.tierWeight, longShift: this.longShift, shortShift: this.shortShift };
    this.flow = options.forwardFlowHours > 0 ? new ForwardFlow(options.forwardFlowHours, options.turnoverShare, this.coord, flowTiers) : null;
  }

  copyFrom(other: Engine): void {
    this.long.copyFrom(other.long);
    this.short.copyFrom(other.short);
    this.lastTime = other.lastTime;
    this.lastOpenInterest = other.lastOpenInterest;
    this.prunePeakLong = other.prunePeakLong;
    this.prunePeakShort = other.prunePeakShort;
    if (this.flow && other.flow) this.flow.copyFrom(other.flow);
  }

  /** A copy of the state, live rows only (a checkpoint to build columns from later), into `reuse`'s arrays when they fit. */
  saveState(reuse?: EngineState): EngineState {
    return {
      long: saveSideState(this.long, reuse?.long),
      short: saveSideState(this.short, reuse?.short),
      flow: this.flow ? this.flow.saveState() : null,
      lastTime: this.lastTime,
      lastOpenInterest: this.lastOpenInterest,
      prunePeakLong: this.prunePeakLong,
      prunePeakShort: this.prunePeakShort,
    };
  }

  /** Puts back a state {@link saveState} took of an engine with the same grid and options. */
  loadState(state: EngineState): void {
    loadSideState(this.long, state.long);
    loadSideState(this.short, state.short);
    if (this.flow && state.flow) this.flow.loadState(state.flow);
    this.lastTime = state.lastTime;
    this.lastOpenInterest = state.lastOpenInterest;
    this.prunePeakLong = state.prunePeakLong;
    this.prunePeakShort = state.prunePeakShort;
  }

  /**
   * Applies one closed bar and writes its column (rows `[offset, offset + rows)`) of each side; the
   * column's peaks become the next pruning floor ({@link advance}, {@link writeColumn}, {@link refreshPrunePeak}).
   */
  step(bar: BarInput, outLong: Float32Array | Float64Array, outShort: Float32Array | Float64Array, offset: number): StepResult {
    this.advance(bar);
    const result = this.writeColumn(bar, outLong, outShort, offset);
    this.refreshPrunePeak();
    return result;
  }

  /**
   * Applies one closed bar to the state in the order the spec fixes (decay, clear what the bar swept, add
   * the bar's new positions) without writing a column; the result's sweep fields and rule are set.
   */
  advance(bar: BarInput): StepResult {
    const { long, short } = this;
    const newNotional = this.decay(bar);
    const rule = this.sweepBounds(bar);
    const result = this.result;
    result.longSwept = long.sweep(this.longBounds);
    result.shortSwept = short.sweep(this.shortBounds);
    this.addPositions(bar, newNotional);
    this.lastTime = bar.time;
    this.flow?.observe(bar, barTurnover(bar), this.intervalMs);
    result.rule = rule;
    return result;
  }

  /** Writes the column of the state {@link advance} left for `bar`; the result's totals and off-grid fields are set. */
  writeColumn(bar: BarInput, outLong: Float32Array | Float64Array, outShort: Float32Array | Float64Array, offset: number): StepResult {
    const { long, short } = this;
    const result = this.result;
    result.longTotal = long.column(outLong, offset);
    result.shortTotal = short.column(outShort, offset);
    result.longOffGrid = long.offGridTotal();
    result.shortOffGrid = short.offGridTotal();
    if (this.flow) this.addFlow(bar, outLong, outShort, offset);
    return result;
  }

  /** Takes the pruning floor from the column written last. */
  refreshPrunePeak(): void {
    this.prunePeakLong = this.long.peak;
    this.prunePeakShort = this.short.peak;
  }

  /** Both sides' total (off-grid mass and the forward flow included) without writing a column. */
  total(close: number): number {
    const flow = this.flow ? this.flow.expected(close) : 0;
    return this.long.total() + flow + (this.short.total() + flow);
  }

  private addFlow(bar: BarInput, outLong: Float32Array | Float64Array, outShort: Float32Array | Float64Array, offset: number): void {
    const flow = this.flow as ForwardFlow;
    const added = flow.addTo(bar.close, outLong, outShort, offset);
    const result = this.result;
    result.longTotal += added.long;
    result.shortTotal += added.short;
    result.longOffGrid += flow.offGrid.long;
    result.shortOffGrid += flow.offGrid.short;
  }

  /** Decays every group for the time since the last bar and applies an open-interest fall; returns the bar's new notional. */
  private decay(bar: BarInput): number {
    const groupCount = this.factors.length;
    let factors = this.nominalFactors;
    if (this.lastTime === this.lastTime) {
      const dt = bar.time - this.lastTime;
      if (dt !== this.intervalMs) factors = decayFactors(this.groups, Math.max(0, dt), this.factors);
    }
    let oiRatio = 1;
    let oiRise = 0;
    const oi = bar.openInterest;
    if (oi === oi && this.lastOpenInterest === this.lastOpenInterest && this.lastOpenInterest > 0) {
      if (oi < this.lastOpenInterest) oiRatio = oi / this.lastOpenInterest;
      else oiRise = oi - this.lastOpenInterest;
    }
    if (oi === oi) this.lastOpenInterest = oi;
    for (let g = 0; g < groupCount; g++) {
      this.long.scaleGroup(g, factors[g] * oiRatio);
      this.short.scaleGroup(g, factors[g] * oiRatio);
    }
    const newNotional = this.options.turnoverShare * barTurnover(bar) + oiRise;
    const ratio = this.options.pruneRatio;
    if (ratio > 0) {
      this.long.prune(ratio * this.prunePeakLong);
      this.short.prune(ratio * this.prunePeakShort);
    }
    return newNotional;
  }

  private sweepBounds(bar: BarInput): SweepRule {
    const lb = this.longBounds;
    const sb = this.shortBounds;
    const share = this.options.sweepShare;
    lb.keepFull = sb.keepFull = 1 - share;
    if (bar.markLow === bar.markLow && bar.markHigh === bar.markHigh) {
      lb.full = lb.partial = Math.log(bar.markLow);
      sb.full = sb.partial = Math.log(bar.markHigh);
      lb.keepInner = lb.keepOuter = sb.keepInner = sb.keepOuter = 1 - share;
      return 'mark';
    }
    const bodyLow = Math.log(Math.min(bar.open, bar.close));
    const bodyHigh = Math.log(Math.max(bar.open, bar.close));
    const low = Math.log(bar.low);
    const high = Math.log(bar.high);
    const rule = this.options.sweep;
    if (rule === 'full') {
      lb.full = lb.partial = low;
      sb.full = sb.partial = high;
    } else if (rule === 'body') {
      lb.full = lb.partial = bodyLow;
      sb.full = sb.partial = bodyHigh;
    } else {
      lb.full = bodyLow;
      lb.partial = low;
      sb.full = bodyHigh;
      sb.partial = high;
    }
    // wick-taper: the cleared share falls linearly from the body's edge to none at the wick's tip.
    const inner = rule === 'wick-taper' ? 1 - share : 1 - share * this.options.wickClear;
    const outer = rule === 'wick-taper' ? 1 : inner;
    lb.keepInner = sb.keepInner = inner;
    lb.keepOuter = sb.keepOuter = outer;
    return rule;
  }

  private addPositions(bar: BarInput, notional: number): void {
    if (!(notional > 0) || !(bar.high > 0)) return;
    const high = bar.high;
    const low = Math.max(bar.low, high * 1e-9);
    const typical = (high + low + bar.close) / 3;
    let mode = bar.volume > 0 && bar.quoteVolume === bar.quoteVolume ? bar.quoteVolume / bar.volume : typical;
    if (!(mode >= low)) mode = low;
    if (!(mode <= high)) mode = high;
    const lnLow = Math.log(low);
    const lnMode = Math.log(mode);
    const lnHigh = Math.log(high);
    const longShare = this.longShare(bar);
    const longAmount = notional * longShare;
    const shortAmount = notional - longAmount;
    const path = this.options.intrabarSweep === 'path' && barPathBounds(bar, this.options.sweepShare, this.longNew, this.shortNew);
    if (longAmount > 0) this.longEntries.add(this.long, lnLow, lnMode, lnHigh, longAmount, path ? this.longNew : undefined);
    if (shortAmount > 0) this.shortEntries.add(this.short, lnLow, lnMode, lnHigh, shortAmount, path ? this.shortNew : undefined);
  }

  /** Longs' share of new positions: half under `sideSplit: 'even'`, else taker buy volume when known, else the bar's shape. */
  private longShare(bar: BarInput): number {
    if (this.options.sideSplit === 'even') return 0.5;
    if (bar.takerBuyBase === bar.takerBuyBase && bar.volume > 0) {
      return Math.min(1, Math.max(0, bar.takerBuyBase / bar.volume));
    }
    const range = bar.high - bar.low;
    if (!(range > 0)) return 0.5;
    return 0.5 + (0.25 * (bar.close - bar.open)) / range;
  }
}
