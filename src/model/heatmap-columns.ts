import type { PriceGrid } from './price-grid';

/** Columns per storage block: a block is allocated when one of its columns is first written. */
const BLOCK_COLUMNS = 64;

/**
 * Storage of heatmap columns: `rows` values per bar, long and short side, row 0 at the lowest price, in
 * blocks of {@link BLOCK_COLUMNS} columns allocated on first write: columns are built when read, so a long
 * history whose old columns nobody reads never holds their memory. With `keep` finite it is a ring of the
 * latest `keep` columns (older ones are dropped, bounding memory on long files); otherwise it grows with
 * the bars.
 */
export class HeatmapColumns {
  private longBlocks: Float32Array[] = [];
  private shortBlocks: Float32Array[] = [];
  private scales: Float64Array;
  /** Raw mass beyond the grid's far edge per column, long then short (two values a column). */
  private offGrid: Float64Array;
  /** Slots {@link scales}, {@link offGrid} and {@link holds} have room for. */
  private capacity: number;
  /** Which slots hold values (of this or an earlier recompute): {@link prepare} zeroes those, not fresh memory. */
  private holds: Uint8Array;

  /**
   * Storage for at least `capacity` columns over `grid` (at most `keep`); reuses `previous`'s blocks when
   * the rows and `keep` match, which saves the page faults of fresh memory on every recompute.
   */
  static reuse(previous: HeatmapColumns | null, grid: PriceGrid, capacity: number, keep: number): HeatmapColumns {
    if (previous && previous.grid.rows === grid.rows && previous.keep === keep) {
      previous.grid = grid;
      previous.ensureSlots(Math.min(capacity, keep));
      previous.scales.fill(1);
      previous.offGrid.fill(0);
      return previous;
    }
    return new HeatmapColumns(grid, capacity, keep);
  }

  constructor(
    public grid: PriceGrid,
    capacity: number,
    readonly keep = Infinity,
  ) {
    this.capacity = Math.min(keep, Math.max(16, capacity));
    this.scales = new Float64Array(this.capacity).fill(1);
    this.offGrid = new Float64Array(2 * this.capacity);
    this.holds = new Uint8Array(this.capacity);
  }

  /** Oldest column still held, for a model of `length` columns. */
  oldest(length: number): number {
    return Number.isFinite(this.keep) ? Math.max(0, length - this.keep) : 0;
  }

  /** The long side's block holding column `i` (its rows start at {@link offset}); throws when no column of the block was prepared. */
  longOf(i: number): Float32Array {
    return this.block(this.longBlocks, i);
  }

  /** The short side's block holding column `i` (its rows start at {@link offset}); throws when no column of the block was prepared. */
  shortOf(i: number): Float32Array {
    return this.block(this.shortBlocks, i);
  }

  /** Offset of column `i`'s first row in its blocks ({@link longOf}, {@link shortOf}). */
  offset(i: number): number {
    return (this.slot(i) % BLOCK_COLUMNS) * this.grid.rows;
  }

  scale(i: number): number {
    return this.scales[this.slot(i)];
  }

  setScale(i: number, value: number): void {
    this.ensureSlots(i + 1);
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
    this.ensureSlots(i + 1);
    const rows = this.grid.rows;
    const slot = this.slot(i);
    const block = Math.floor(slot / BLOCK_COLUMNS);
    const offset = (slot % BLOCK_COLUMNS) * rows;
    if (this.longBlocks[block] === undefined) {
      const size = Math.min(BLOCK_COLUMNS, this.keep - block * BLOCK_COLUMNS) * rows;
      this.longBlocks[block] = new Float32Array(size);
      this.shortBlocks[block] = new Float32Array(size);
      this.holds[slot] = 1;
    } else if (this.holds[slot] === 1) {
      this.longBlocks[block].fill(0, offset, offset + rows);
      this.shortBlocks[block].fill(0, offset, offset + rows);
    } else {
      this.holds[slot] = 1;
    }
    return offset;
  }

  private block(blocks: Float32Array[], i: number): Float32Array {
    const block = blocks[Math.floor(this.slot(i) / BLOCK_COLUMNS)];
    if (block === undefined) throw new Error(`model: column ${i} has no storage (it was never built)`);
    return block;
  }

  private slot(i: number): number {
    return i < this.keep ? i : i % this.keep;
  }

  /** Grows the per-column arrays to hold `count` slots (at most `keep`). */
  private ensureSlots(count: number): void {
    const wanted = Math.min(this.keep, count);
    if (wanted <= this.capacity) return;
    const capacity = Math.min(this.keep, Math.max(wanted, this.capacity * 2));
    const scales = new Float64Array(capacity).fill(1);
    scales.set(this.scales);
    const offGrid = new Float64Array(2 * capacity);
    offGrid.set(this.offGrid);
    const holds = new Uint8Array(capacity);
    holds.set(this.holds);
    this.scales = scales;
    this.offGrid = offGrid;
    this.holds = holds;
    this.capacity = capacity;
  }
}
