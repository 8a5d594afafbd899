import type { PriceGrid } from './price-grid';

/**
 * Storage of heatmap columns: `rows` values per bar, long and short side, row 0 at the lowest price.
 * With `keep` finite it is a ring of the latest `keep` columns (older ones are dropped, bounding memory
 * on long files); otherwise it grows with the bars.
 */
export class HeatmapColumns {
  long: Float32Array;
  short: Float32Array;
  private scales: Float64Array;
  /** Raw mass beyond the grid's far edge per column, long then short (two values a column). */
  private offGrid: Float64Array;
  private capacity: number;
  /** Which slots hold values (of this or an earlier recompute): {@link prepare} zeroes those, not fresh memory. */
  private holds: Uint8Array;

  /**
   * Storage for at least `capacity` columns over `grid` (at most `keep`); reuses `previous` when it fits,
   * which saves the page faults of fresh memory on every recompute. A column is zeroed when it is
   * prepared for writing (see {@link prepare}), so columns never built cost nothing.
   */
  static reuse(previous: HeatmapColumns | null, grid: PriceGrid, capacity: number, keep: number): HeatmapColumns {
    const wanted = Math.min(capacity, keep);
    if (previous && previous.grid.rows === grid.rows && previous.keep === keep && previous.capacity >= wanted) {
      previous.grid = grid;
      previous.scales.fill(1);
      previous.offGrid.fill(0);
      return previous;
    }
    return new HeatmapColumns(grid, wanted, keep);
  }

  constructor(
    public grid: PriceGrid,
    capacity: number,
    readonly keep = Infinity,
  ) {
    this.capacity = Math.min(keep, Math.max(16, capacity));
    this.long = new Float32Array(this.capacity * grid.rows);
    this.short = new Float32Array(this.capacity * grid.rows);
    this.scales = new Float64Array(this.capacity).fill(1);
    this.offGrid = new Float64Array(2 * this.capacity);
    this.holds = new Uint8Array(this.capacity);
  }

  /** Oldest column still held, for a model of `length` columns. */
  oldest(length: number): number {
    return Number.isFinite(this.keep) ? Math.max(0, length - this.keep) : 0;
  }

  /** Offset of column `i`'s first row in `long` / `short`. */
  offset(i: number): number {
    return this.slot(i) * this.grid.rows;
  }

  scale(i: number): number {
    return this.scales[this.slot(i)];
  }

  setScale(i: number, value: number): void {
    this.scales[this.slot(i)] = value;
  }

  /** Raw mass beyond the grid on the long (below) and short (above) side of column `i`. */
  offGridOf(i: number): [number, number] {
    const k = 2 * this.slot(i);
    return [this.offGrid[k], this.offGrid[k + 1]];
  }

  setOffGrid(i: number, long: number, short: number): void {
    const k = 2 * this.slot(i);
    this.offGrid[k] = long;
    this.offGrid[k + 1] = short;
  }

  /** Makes room for column `i` and zeroes it unless its memory is still fresh; returns its offset. Its scale is left as set. */
  prepare(i: number): number {
    if (i >= this.capacity && this.capacity < this.keep) this.grow(Math.min(this.keep, Math.max(i + 1, this.capacity * 2)));
    const rows = this.grid.rows;
    const slot = this.slot(i);
    const offset = slot * rows;
    if (this.holds[slot] === 1) {
      this.long.fill(0, offset, offset + rows);
      this.short.fill(0, offset, offset + rows);
    } else {
      this.holds[slot] = 1;
    }
    return offset;
  }

  private slot(i: number): number {
    return i < this.capacity ? i : i % this.capacity;
  }

  private grow(capacity: number): void {
    const rows = this.grid.rows;
    const long = new Float32Array(capacity * rows);
    const short = new Float32Array(capacity * rows);
    long.set(this.long);
    short.set(this.short);
    const scales = new Float64Array(capacity).fill(1);
    scales.set(this.scales);
    const offGrid = new Float64Array(2 * capacity);
    offGrid.set(this.offGrid);
    const holds = new Uint8Array(capacity);
    holds.set(this.holds);
    this.holds = holds;
    this.offGrid = offGrid;
    this.long = long;
    this.short = short;
    this.scales = scales;
    this.capacity = capacity;
  }
}
