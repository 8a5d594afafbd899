import type { LinearGrid } from './price-grid';
import { keepFraction, type SweepBounds } from './sweep-keep';

const RENORMALISE_BELOW = 1e-100;

export type { SweepBounds } from './sweep-keep';

/** Most groups {@link SideBook.column} sums row by row (it tracks the groups holding a row in one int). */
const MASK_GROUPS = 31;
/** Shortest segment {@link SideBook.column} loops over on its own. */
const MIN_SEGMENT = 4;

/** What one sweep removed from a side. */
export interface SweepResult {
  notional: number;
  low: number;
  high: number;
  price: number;
}

/**
 * Live liquidation mass of one side on the price grid, one vector per decay group (tiers that share a
 * half-life share a vector). Each vector carries a lazy scale so decay is O(1) per group; `lo`/`hi`
 * bound the rows that may hold mass so sweeps, pruning and column sums touch only live rows.
 */
export class SideBook {
  readonly mass: Float64Array;
  readonly scale: Float64Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** Mass beyond the grid edge on this side's far end (accounted for, not drawn), scaled per group. */
  readonly offGrid: Float64Array;
  /** Scratch of {@link columnByRows}: group span edges as `row * 32 + group`, sorted. */
  private readonly edges: Int32Array;
  /** Scratch of {@link columnByGroups}, made on first use. */
  private acc: Float64Array | null = null;
  /**
   * The array {@link columnByRows} writes, passed as a field: V8 then knows its kind inside the row loops,
   * where a parameter's is checked again at every row (about 4 % of a recompute).
   */
  private out: Float32Array | Float64Array = new Float32Array(0);
  /** Highest row density of the last column written. */
  peak = 0;
  /** What the last {@link sweep} removed; valid when it returned true. */
  readonly swept: SweepResult = { notional: 0, low: 0, high: 0, price: 0 };

  constructor(
    readonly isLong: boolean,
    readonly groups: number,
    readonly grid: LinearGrid,
    private readonly keepScratch: Float64Array,
    private readonly clearedScratch: Float64Array,
  ) {
    const rows = grid.rows;
    this.mass = new Float64Array(groups * rows);
    this.scale = new Float64Array(groups).fill(1);
    this.lo = new Int32Array(groups).fill(rows);
    this.hi = new Int32Array(groups);
    this.offGrid = new Float64Array(groups);
    this.edges = new Int32Array(2 * groups);
  }

  copyFrom(other: SideBook): void {
    this.mass.set(other.mass);
    this.scale.set(other.scale);
    this.lo.set(other.lo);
    this.hi.set(other.hi);
    this.offGrid.set(other.offGrid);
    this.peak = other.peak;
  }

  /** Multiplies group `g` by `factor` (decay, or open interest falling). */
  scaleGroup(g: number, factor: number): void {
    const s = this.scale[g] * factor;
    if (s < RENORMALISE_BELOW && s > 0) {
      const base = g * this.grid.rows;
      for (let r = base + this.lo[g], end = base + this.hi[g]; r < end; r++) this.mass[r] *= s;
      this.offGrid[g] *= s;
      this.scale[g] = 1;
    } else {
      this.scale[g] = s;
    }
  }

  /** Drops rows at either edge of each group's live range whose mass is below `floor`. */
  prune(floor: number): void {
    const rows = this.grid.rows;
    for (let g = 0; g < this.groups; g++) {
      const limit = floor / this.scale[g];
      const base = g * rows;
      let lo = this.lo[g];
      let hi = this.hi[g];
      while (lo < hi && this.mass[base + lo] < limit) this.mass[base + lo++] = 0;
      while (hi > lo && this.mass[base + hi - 1] < limit) this.mass[base + --hi] = 0;
      if (lo >= hi) {
        lo = rows;
        hi = 0;
      }
      this.lo[g] = lo;
      this.hi[g] = hi;
    }
  }

  /** Clears what price traded through (longs: at and above the bounds; shorts: at and below). */
  sweep(bounds: SweepBounds): boolean {
    const { min, step, rows } = this.grid;
    const keep = this.keepScratch;
    const cleared = this.clearedScratch;
    let spanLo = rows;
    let spanHi = 0;
    for (let g = 0; g < this.groups; g++) {
      if (this.lo[g] < spanLo) spanLo = this.lo[g];
      if (this.hi[g] > spanHi) spanHi = this.hi[g];
    }
    let r0: number;
    let r1: number;
    if (this.isLong) {
      r0 = Math.max(spanLo, Math.floor((bounds.partial - min) / step));
      r1 = spanHi;
    } else {
      r0 = spanLo;
      r1 = Math.min(spanHi, Math.floor((bounds.partial - min) / step) + 1);
    }
    let notional = this.sweepOffGrid(bounds);
    const edge = this.isLong ? min : min + rows * step;
    if (r0 >= r1) return this.result(notional, edge, edge, edge);
    for (let r = r0; r < r1; r++) {
      keep[r] = keepFraction(this.isLong, min + r * step, step, bounds);
      cleared[r] = 0;
    }
    for (let g = 0; g < this.groups; g++) {
      const base = g * rows;
      const s = this.scale[g];
      const from = Math.max(r0, this.lo[g]);
      const to = Math.min(r1, this.hi[g]);
      for (let r = from; r < to; r++) {
        const m = this.mass[base + r];
        if (m === 0) continue;
        const k = keep[r];
        if (k === 1) continue;
        cleared[r] += m * (1 - k) * s;
        this.mass[base + r] = m * k;
      }
    }
    let low = -1;
    let high = -1;
    let peak = -1;
    for (let r = r0; r < r1; r++) {
      const c = cleared[r];
      if (c > 0) {
        notional += c;
        if (low < 0) low = r;
        high = r;
        if (peak < 0 || c > cleared[peak]) peak = r;
      }
    }
    this.shrinkAfterSweep(r0, r1);
    if (low < 0) return this.result(notional, edge, edge, edge);
    return this.result(notional, min + low * step, min + (high + 1) * step, min + (peak + 0.5) * step);
  }

  private result(notional: number, low: number, high: number, price: number): boolean {
    const out = this.swept;
    out.notional = notional;
    out.low = low;
    out.high = high;
    out.price = price;
    return notional > 0;
  }

  /**
   * Adds `amount` to group `g` at `price`, all in one row (beyond the grid it is counted off-grid). The
   * engine places a bar's entries with {@link EntryTriangles}; this places a known mass (tests, tools).
   */
  addAt(g: number, price: number, amount: number): void {
    const { min, step, rows } = this.grid;
    const r = Math.floor((price - min) / step);
    const scaled = amount / this.scale[g];
    if (r < 0 || r >= rows) {
      if (r < 0 === this.isLong) this.offGrid[g] += scaled;
      return;
    }
    this.mass[g * rows + r] += scaled;
    if (r < this.lo[g]) this.lo[g] = r;
    if (r + 1 > this.hi[g]) this.hi[g] = r + 1;
  }

  /**
   * Writes the side's density per row into `out[offset ...]` (rows no group holds are left as they are:
   * zero); returns the side's total including off-grid mass.
   */
  column(out: Float32Array | Float64Array, offset: number): number {
    this.out = out;
    return this.groups <= MASK_GROUPS ? this.columnByRows(offset) : this.columnByGroups(out, offset);
  }

  /**
   * The column row by row: the group spans cut the rows into segments where the same groups hold mass,
   * and each segment runs a loop over just those groups, so a row is written once instead of once per
   * group. A row adds its groups in group order (rows outside a group's span hold exact zeros), so each
   * value rounds exactly as in {@link columnByGroups}.
   */
  private columnByRows(offset: number): number {
    const { mass, scale, lo, hi, groups, edges, out } = this;
    const rows = this.grid.rows;
    let count = 0;
    // Longs' higher groups (higher leverage) sit higher, shorts' lower: inserting in that order keeps the sort short.
    for (let j = 0; j < groups; j++) {
      const g = this.isLong ? j : groups - 1 - j;
      if (lo[g] < hi[g]) {
        count = insertSorted(edges, count, lo[g] * 32 + g);
        count = insertSorted(edges, count, hi[g] * 32 + g);
      }
    }
    let total = this.offGridTotal();
    let peak = 0;
    let holding = 0;
    let e = 0;
    while (e < count) {
      const from = edges[e] >> 5;
      while (e < count && edges[e] >> 5 === from) holding ^= 1 << (edges[e++] & 31);
      if (e >= count) break;
      let to = edges[e] >> 5;
      let rest = holding;
      // A short segment runs on into the next with both one's groups: rows outside a group's span hold
      // exact zeros, and fewer, longer loops cost less.
      while (to - from < MIN_SEGMENT) {
        while (e < count && edges[e] >> 5 === to) holding ^= 1 << (edges[e++] & 31);
        if (e >= count) break;
        rest |= holding;
        to = edges[e] >> 5;
      }
      if (rest === 0) continue;
      // One loop each for one, two and three groups (most rows; two rows a step), then any number.
      const g0 = 31 - Math.clz32(rest & -rest);
      rest &= rest - 1;
      const b0 = g0 * rows;
      const s0 = scale[g0];
      if (rest === 0) {
        let r = from;
        for (; r + 1 < to; r += 2) {
          const v = mass[b0 + r] * s0;
          const w = mass[b0 + r + 1] * s0;
          out[offset + r] = v;
          out[offset + r + 1] = w;
          total += v;
          total += w;
          if (v > peak) peak = v;
          if (w > peak) peak = w;
        }
        if (r < to) {
          const v = mass[b0 + r] * s0;
          out[offset + r] = v;
          total += v;
          if (v > peak) peak = v;
        }
        continue;
      }
      const g1 = 31 - Math.clz32(rest & -rest);
      rest &= rest - 1;
      const b1 = g1 * rows;
      const s1 = scale[g1];
      if (rest === 0) {
        let r = from;
        for (; r + 1 < to; r += 2) {
          const v = mass[b0 + r] * s0 + mass[b1 + r] * s1;
          const w = mass[b0 + r + 1] * s0 + mass[b1 + r + 1] * s1;
          out[offset + r] = v;
          out[offset + r + 1] = w;
          total += v;
          total += w;
          if (v > peak) peak = v;
          if (w > peak) peak = w;
        }
        if (r < to) {
          const v = mass[b0 + r] * s0 + mass[b1 + r] * s1;
          out[offset + r] = v;
          total += v;
          if (v > peak) peak = v;
        }
        continue;
      }
      const g2 = 31 - Math.clz32(rest & -rest);
      rest &= rest - 1;
      const b2 = g2 * rows;
      const s2 = scale[g2];
      if (rest === 0) {
        let r = from;
        for (; r + 1 < to; r += 2) {
          const v = mass[b0 + r] * s0 + mass[b1 + r] * s1 + mass[b2 + r] * s2;
          const w = mass[b0 + r + 1] * s0 + mass[b1 + r + 1] * s1 + mass[b2 + r + 1] * s2;
          out[offset + r] = v;
          out[offset + r + 1] = w;
          total += v;
          total += w;
          if (v > peak) peak = v;
          if (w > peak) peak = w;
        }
        if (r < to) {
          const v = mass[b0 + r] * s0 + mass[b1 + r] * s1 + mass[b2 + r] * s2;
          out[offset + r] = v;
          total += v;
          if (v > peak) peak = v;
        }
        continue;
      }
      const g3 = 31 - Math.clz32(rest & -rest);
      rest &= rest - 1;
      const b3 = g3 * rows;
      const s3 = scale[g3];
      for (let r = from; r < to; r++) {
        let v = mass[b0 + r] * s0 + mass[b1 + r] * s1 + mass[b2 + r] * s2 + mass[b3 + r] * s3;
        for (let more = rest; more !== 0; more &= more - 1) {
          const g = 31 - Math.clz32(more & -more);
          v += mass[g * rows + r] * scale[g];
        }
        out[offset + r] = v;
        total += v;
        if (v > peak) peak = v;
      }
    }
    this.peak = peak;
    return total;
  }

  /** The column group by group, into a scratch sum (any number of groups). */
  private columnByGroups(out: Float32Array | Float64Array, offset: number): number {
    const rows = this.grid.rows;
    const { mass, scale, lo, hi, groups } = this;
    const acc = (this.acc ??= new Float64Array(rows));
    let spanLo = rows;
    let spanHi = 0;
    for (let g = 0; g < groups; g++) {
      if (lo[g] < spanLo) spanLo = lo[g];
      if (hi[g] > spanHi) spanHi = hi[g];
    }
    let total = this.offGridTotal();
    this.peak = 0;
    if (spanLo >= spanHi) return total;
    acc.fill(0, spanLo, spanHi);
    for (let g = 0; g < groups; g++) {
      const s = scale[g];
      const base = g * rows;
      for (let r = lo[g], end = hi[g]; r < end; r++) acc[r] += mass[base + r] * s;
    }
    let peak = 0;
    for (let r = spanLo; r < spanHi; r++) {
      const v = acc[r];
      out[offset + r] = v;
      total += v;
      if (v > peak) peak = v;
    }
    this.peak = peak;
    return total;
  }

  /** Mass beyond the grid's far edge (accounted for, not drawn), in stored units. */
  offGridTotal(): number {
    let total = 0;
    for (let g = 0; g < this.groups; g++) total += this.offGrid[g] * this.scale[g];
    return total;
  }

  /** Total live mass of the side, off-grid included. */
  total(): number {
    const rows = this.grid.rows;
    let total = 0;
    for (let g = 0; g < this.groups; g++) {
      let sum = this.offGrid[g];
      const base = g * rows;
      for (let r = this.lo[g], end = this.hi[g]; r < end; r++) sum += this.mass[base + r];
      total += sum * this.scale[g];
    }
    return total;
  }

  private sweepOffGrid(b: SweepBounds): number {
    const { min, step, rows } = this.grid;
    const edge = this.isLong ? min : min + rows * step;
    const beyondFull = this.isLong ? b.full <= edge : b.full >= edge;
    const beyondPartial = this.isLong ? b.partial < edge : b.partial > edge;
    if (!beyondPartial) return 0;
    const k = beyondFull ? b.keepFull : b.keepOuter;
    let cleared = 0;
    for (let g = 0; g < this.groups; g++) {
      cleared += this.offGrid[g] * (1 - k) * this.scale[g];
      this.offGrid[g] *= k;
    }
    return cleared;
  }

  /** Narrows live ranges past rows the sweep emptied (rows `[r0, r1)` carry this sweep's keep fractions). */
  private shrinkAfterSweep(r0: number, r1: number): void {
    const keep = this.keepScratch;
    const rows = this.grid.rows;
    let edge: number;
    if (this.isLong) {
      edge = r1;
      while (edge > r0 && keep[edge - 1] === 0) edge--;
    } else {
      edge = r0;
      while (edge < r1 && keep[edge] === 0) edge++;
    }
    for (let g = 0; g < this.groups; g++) {
      if (this.isLong) {
        if (edge < this.hi[g]) this.hi[g] = Math.max(this.lo[g], edge);
      } else if (edge > this.lo[g]) {
        this.lo[g] = Math.min(this.hi[g], edge);
      }
      if (this.lo[g] >= this.hi[g]) {
        this.lo[g] = rows;
        this.hi[g] = 0;
      }
    }
  }
}

/** Inserts `value` into the ascending `list[0, count)`; returns the new count. */
function insertSorted(list: Int32Array, count: number, value: number): number {
  let i = count;
  for (; i > 0 && list[i - 1] > value; i--) list[i] = list[i - 1];
  list[i] = value;
  return count + 1;
}
