import type { PriceGrid } from './price-grid';

/** Growable storage of heatmap columns: `rows` values per bar, long and short side, row 0 at the lowest price. */
export class HeatmapColumns {
  long: Float32Array;
  short: Float32Array;
  /** Multiplier turning stored values into the report unit (USD with open interest, else 1). */
  scale: Float64Array;
  private capacity: number;
  private written = 0;

  /**
   * Storage for at least `capacity` columns over `grid`; reuses `previous` (zeroed) when it is large
   * enough, which saves the page faults of fresh memory on every recompute.
   */
  static reuse(previous: HeatmapColumns | null, grid: PriceGrid, capacity: number): HeatmapColumns {
    if (previous && previous.grid.rows === grid.rows && previous.capacity >= capacity) {
      previous.grid = grid;
      previous.long.fill(0, 0, previous.written * grid.rows);
      previous.short.fill(0, 0, previous.written * grid.rows);
      previous.scale.fill(1);
      previous.written = 0;
      return previous;
    }
    return new HeatmapColumns(grid, capacity);
  }

  constructor(
    public grid: PriceGrid,
    capacity: number,
  ) {
    this.capacity = Math.max(16, capacity);
    this.long = new Float32Array(this.capacity * grid.rows);
    this.short = new Float32Array(this.capacity * grid.rows);
    this.scale = new Float64Array(this.capacity).fill(1);
  }

  /** Makes room for column `i` and zeroes it. */
  prepare(i: number): number {
    const rows = this.grid.rows;
    if (i >= this.capacity) this.grow(Math.max(i + 1, this.capacity * 2));
    const offset = i * rows;
    if (i < this.written) {
      this.long.fill(0, offset, offset + rows);
      this.short.fill(0, offset, offset + rows);
    } else {
      this.written = i + 1;
    }
    return offset;
  }

  private grow(capacity: number): void {
    const rows = this.grid.rows;
    const long = new Float32Array(capacity * rows);
    const short = new Float32Array(capacity * rows);
    long.set(this.long);
    short.set(this.short);
    const scale = new Float64Array(capacity).fill(1);
    scale.set(this.scale);
    this.long = long;
    this.short = short;
    this.scale = scale;
    this.capacity = capacity;
  }
}
