import type { BarInput } from './bar-input';
import type { LinearGrid } from './price-grid';
import { rowComb, type RowComb } from './row-comb';
import { addTriangle } from './triangle-kernel';

/** Share of one side's flow, by tier: weight and the tier's liquidation factor as a log shift. */
export interface FlowTiers {
  readonly weight: Float64Array;
  readonly longShift: Float64Array;
  readonly shortShift: Float64Array;
}

/** State of {@link ForwardFlow} a copy carries over (the forming bar is computed on a copy). */
export interface FlowState {
  /** Recent turnover per ms, exponentially weighted over the horizon. */
  rate: number;
  /** Recent log-price variance per ms (Parkinson, from bar ranges), weighted likewise. */
  variance: number;
  lastTime: number;
}

/**
 * The positions expected to open over the next `hours`: the recent turnover rate times the horizon times
 * `turnoverShare`, split evenly between longs and shorts (the coming direction is unknown), entered
 * around the close with the spread of a random walk over the horizon (a triangle with the variance of
 * a price taken at a uniform time in it: `σ²·H/2`), and mapped through every tier's liquidation factor
 * (rounded to whole rows: one kernel per bar serves every tier).
 * "Recent" weighs bars with a half-life of one horizon. The result is added to a column, never to the
 * state: the next bar starts from the same live mass, so closed history does not depend on it.
 */
export class ForwardFlow {
  private readonly horizonMs: number;
  private readonly state: FlowState = { rate: NaN, variance: NaN, lastTime: NaN };
  private readonly scratch: Float64Array;
  private readonly outside = new Float64Array(2);
  /** The tiers' weights by their distance from entry to liquidation in whole rows. */
  private readonly longComb: RowComb;
  private readonly shortComb: RowComb;
  /** Mass of each side the last {@link addTo} placed off the grid (counted in the totals, not drawn). */
  readonly offGrid = { long: 0, short: 0 };
  /** What the last {@link addTo} added to each side, off-grid mass included. */
  private readonly added = { long: 0, short: 0 };
  /** The column {@link spread} writes, passed as a field so V8 knows its kind inside the row loop (see SideBook.out). */
  private out: Float32Array | Float64Array = new Float32Array(0);

  constructor(
    hours: number,
    private readonly turnoverShare: number,
    private readonly grid: LinearGrid,
    tiers: FlowTiers,
  ) {
    this.horizonMs = hours * 3_600_000;
    this.scratch = new Float64Array(grid.rows);
    this.longComb = rowComb(Int32Array.from(tiers.longShift, (shift) => Math.round(shift / grid.step)), tiers.weight);
    this.shortComb = rowComb(Int32Array.from(tiers.shortShift, (shift) => Math.round(shift / grid.step)), tiers.weight);
  }

  copyFrom(other: ForwardFlow): void {
    Object.assign(this.state, other.state);
  }

  /** A copy of the state (a checkpoint). */
  saveState(): FlowState {
    return { ...this.state };
  }

  loadState(state: FlowState): void {
    Object.assign(this.state, state);
  }

  /** Takes in one bar of `intervalMs` (turnover as the engine computes it). */
  observe(bar: BarInput, turnover: number, intervalMs: number): void {
    const s = this.state;
    if (!(intervalMs > 0)) return;
    const span = s.lastTime === s.lastTime ? Math.max(bar.time - s.lastTime, intervalMs) : intervalMs;
    const lnRange = bar.high > 0 && bar.low > 0 ? Math.log(bar.high / bar.low) : 0;
    const variance = (lnRange * lnRange) / (4 * Math.LN2) / intervalMs;
    const rate = (turnover > 0 ? turnover : 0) / intervalMs;
    const keep = s.rate === s.rate ? Math.pow(0.5, span / this.horizonMs) : 0;
    s.rate = keep * (s.rate === s.rate ? s.rate : 0) + (1 - keep) * rate;
    s.variance = keep * (s.variance === s.variance ? s.variance : 0) + (1 - keep) * variance;
    s.lastTime = bar.time;
  }

  /** Mass {@link addTo} adds to each side for a bar closing at `close` (off-grid mass included), without placing it. */
  expected(close: number): number {
    const notional = this.turnoverShare * this.state.rate * this.horizonMs;
    return notional > 0 && close > 0 ? notional / 2 : 0;
  }

  /**
   * Adds the expected flow around `close` to `outLong` / `outShort` (rows `[offset, offset + rows)`);
   * returns the mass added to each side, off-grid mass included (also in {@link offGrid}).
   */
  addTo(close: number, outLong: Float32Array | Float64Array, outShort: Float32Array | Float64Array, offset: number): { readonly long: number; readonly short: number } {
    const added = this.added;
    this.offGrid.long = this.offGrid.short = 0;
    added.long = added.short = 0;
    const notional = this.turnoverShare * this.state.rate * this.horizonMs;
    if (!(notional > 0) || !(close > 0)) return added;
    const { min, step, rows } = this.grid;
    const halfWidth = Math.sqrt(3 * this.state.variance * this.horizonMs);
    const centre = Math.log(close);
    const half = notional / 2;
    const outside = this.outside;
    outside[0] = outside[1] = 0;
    addTriangle(this.scratch, 0, this.grid, centre - halfWidth, centre, centre + halfWidth, 1, outside);
    const first = Math.max(0, Math.floor((centre - halfWidth - min) / step));
    const last = Math.min(rows - 1, Math.floor((centre + halfWidth - min) / step));
    const lost = (outside[0] + outside[1]) * half;
    let kernelSum = 0;
    for (let r = first; r <= last; r++) kernelSum += this.scratch[r];
    this.out = outLong;
    this.offGrid.long = lost + this.spread(first, last, kernelSum, half, this.longComb, offset);
    this.out = outShort;
    this.offGrid.short = lost + this.spread(first, last, kernelSum, half, this.shortComb, offset);
    this.scratch.fill(0, first, last + 1);
    added.long = added.short = half;
    return added;
  }

  /**
   * Adds the entry kernel (rows `[first, last]` of the scratch) shifted by each of the comb's whole-row
   * distances to liquidation; returns the mass shifted off the grid (`kernelSum` at a time for a shift
   * that moves all of it off). Whole rows, so one kernel serves every tier.
   */
  private spread(first: number, last: number, kernelSum: number, amount: number, comb: RowComb, offset: number): number {
    const rows = this.grid.rows;
    const { scratch, out } = this;
    const { shift, weight } = comb;
    let lost = 0;
    for (let k = 0; k < shift.length; k++) {
      const a = amount * weight[k];
      const d = shift[k];
      if (last + d < 0 || first + d >= rows) {
        lost += kernelSum * a;
        continue;
      }
      const from = first + d < 0 ? -d : first;
      const to = last + d >= rows ? rows - 1 - d : last;
      for (let r = first; r < from; r++) lost += scratch[r] * a;
      for (let r = to + 1; r <= last; r++) lost += scratch[r] * a;
      const at = offset + d;
      for (let r = from; r <= to; r++) out[at + r] += scratch[r] * a;
    }
    return lost;
  }
}
