import type { LinearGrid } from './price-grid';
import type { SideBook } from './side-book';
import { keepFraction, type SweepBounds } from './sweep-keep';

/** A bar's entry triangle in row units, before any tier's shift. */
interface Shape {
  /** Row position of the low end before any tier's shift. */
  a0: number;
  width: number;
  /** Distance from the low end to the mode. */
  left: number;
  invLeft: number;
  invRight: number;
  rightSq: number;
  /** Rows every tier's triangle covers from its first (the last ones may get nothing). */
  span: number;
}

/**
 * One side's new positions of a bar, through every tier at once: the entry triangle (log price) mapped to
 * a tier's liquidation prices is the same triangle shifted by the tier's log factor, so the shape's pieces
 * are worked out once a bar and each tier only moves it. Works in row units (rows are log-spaced, so the
 * shift is a fixed number of rows), where row edges are whole numbers, and writes the triangle's CDF with
 * clamps (no branch on which side of the mode an edge falls). Each row gets the triangle's exact integral
 * over it, as `addTriangle` (triangle-kernel.ts) computes it, up to the last bits of rounding.
 */
export class EntryTriangles {
  /** Each tier's shift from entry to liquidation, in rows. */
  private readonly rowShift: Float64Array;
  private readonly shape: Shape = { a0: 0, width: 0, left: 0, invLeft: 0, invRight: 0, rightSq: 0, span: 0 };
  /** `amount / scale` of each decay group for the bar being added (one division a group, not a tier). */
  private readonly perGroup: Float64Array;

  constructor(
    private readonly grid: LinearGrid,
    shift: Float64Array,
    private readonly weight: Float64Array,
    private readonly groupOfTier: Int32Array,
  ) {
    this.rowShift = Float64Array.from(shift, (s) => s / grid.step);
    this.perGroup = new Float64Array(groupOfTier.reduce((most, g) => Math.max(most, g + 1), 0));
  }

  /**
   * Adds `amount` entered as a triangle over `[lnLow, lnHigh]` with mode `lnMode` (log price), split over
   * the tiers by weight, into `book` (mass beyond the grid's far edge to its off-grid account); with
   * `cleared`, only the share of each row those bounds keep (positions the bar itself liquidated).
   */
  add(book: SideBook, lnLow: number, lnMode: number, lnHigh: number, amount: number, cleared?: SweepBounds): void {
    const rows = this.grid.rows;
    const shape = this.setShape(lnLow, lnMode, lnHigh);
    const { a0, width, left, invLeft, invRight, rightSq, span } = shape;
    const { mass, scale, lo, hi } = book;
    const rowShift = this.rowShift;
    const weight = this.weight;
    const groupOfTier = this.groupOfTier;
    const slow = cleared !== undefined || !(width > 0);
    const perGroup = this.perGroup;
    for (let g = 0; g < perGroup.length; g++) perGroup[g] = amount / scale[g];
    for (let t = 0; t < rowShift.length; t++) {
      const w = weight[t];
      if (w === 0) continue;
      const a = a0 + rowShift[t];
      const first = Math.floor(a);
      const g = groupOfTier[t];
      if (slow || first < 0 || first + span > rows) {
        // Wholly beyond the grid's far edge (low leverage far from price): all of it off the grid.
        if (!slow && (book.isLong ? first + span <= 0 : first >= rows)) book.offGrid[g] += (amount * w) / scale[g];
        else this.addOne(book, t, a, amount, cleared);
        continue;
      }
      const amt = perGroup[g] * w;
      const base = g * rows + first;
      // Rows past the one holding the high end would get nothing: stop at it.
      const last = Math.floor(a + width);
      const touched = last - first + 1;
      let x = first - a;
      let prev = 0;
      for (let k = 0; k < touched; k++) {
        x += 1;
        const xl = x < left ? x : left;
        const xr = x > width ? width : x < left ? left : x;
        const d = width - xr;
        const next = xl * xl * invLeft + (rightSq - d * d) * invRight;
        mass[base + k] += amt * (next - prev);
        prev = next;
      }
      if (first < lo[g]) lo[g] = first;
      if (last >= hi[g]) hi[g] = last + 1;
    }
  }

  private setShape(lnLow: number, lnMode: number, lnHigh: number): Shape {
    const { min, step } = this.grid;
    const s = this.shape;
    s.a0 = (lnLow - min) / step;
    s.width = (lnHigh - min) / step - s.a0;
    s.left = (lnMode - min) / step - s.a0;
    const right = s.width - s.left;
    s.invLeft = s.left > 0 ? 1 / (s.width * s.left) : 0;
    s.invRight = right > 0 ? 1 / (s.width * right) : 0;
    s.rightSq = right * right;
    s.span = s.width > 0 ? Math.ceil(s.width) + 1 : 1;
    return s;
  }

  /**
   * Tier `t`'s share of `amount` as the triangle from row position `a` (or all in one row when the
   * triangle is a point), rows beyond the grid's far edge to the off-grid account, each row scaled by
   * what `cleared` keeps of it when given. The same arithmetic as {@link add}'s loop, row for row.
   */
  private addOne(book: SideBook, t: number, a: number, amount: number, cleared: SweepBounds | undefined): void {
    const { min, step, rows } = this.grid;
    const { width, left, invLeft, invRight, rightSq, span } = this.shape;
    const { mass, lo, hi, offGrid, isLong } = book;
    const g = this.groupOfTier[t];
    const amt = (amount / book.scale[g]) * this.weight[t];
    const first = Math.floor(a);
    const last = width > 0 ? Math.floor(a + width) : first;
    const base = g * rows;
    let x = first - a;
    let prev = 0;
    let beyond = 0;
    for (let k = 0; k < span; k++) {
      let share: number;
      if (width > 0) {
        x += 1;
        const xl = x < left ? x : left;
        const xr = x > width ? width : x < left ? left : x;
        const d = width - xr;
        const next = xl * xl * invLeft + (rightSq - d * d) * invRight;
        share = amt * (next - prev);
        prev = next;
      } else {
        share = amt;
      }
      const r = first + k;
      if (r < 0) {
        if (isLong) beyond += share;
      } else if (r >= rows) {
        if (!isLong) beyond += share;
      } else {
        mass[base + r] += cleared ? share * keepFraction(isLong, min + r * step, step, cleared) : share;
      }
    }
    offGrid[g] += beyond;
    const r0 = first < 0 ? 0 : first;
    const r1 = last >= rows ? rows - 1 : last;
    if (r0 > r1) return;
    if (r0 < lo[g]) lo[g] = r0;
    if (r1 + 1 > hi[g]) hi[g] = r1 + 1;
  }
}
