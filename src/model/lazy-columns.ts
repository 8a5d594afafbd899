import type { BarInput } from './bar-input';
import { ColumnCheckpoints, isCheckpointBar } from './column-checkpoints';
import type { Engine } from './engine';
import type { HeatmapColumns } from './heatmap-columns';

/**
 * How the model's columns come to be: a recompute applies every bar to the engine and keeps a checkpoint
 * of the state at each checkpoint bar, whose column it sums into a scratch column for its peaks (the
 * pruning floor) without storing it; a closed column is built when first read, with the rest of its span,
 * from the checkpoint before it on a scratch engine (the checkpoint bar's column from the state kept,
 * the others by replaying their bars). So storage holds only columns that were read, or written live.
 * A column is the same whenever, and in whatever order, it is built.
 */
export class LazyColumns {
  private readonly checkpoints = new ColumnCheckpoints();
  private scratchLong = new Float32Array(0);
  private scratchShort = new Float32Array(0);

  /** Forgets every checkpoint and built column (a recompute starts). */
  clear(): void {
    this.checkpoints.clear();
  }

  /**
   * After closed bar `i` (of bars opening at `openTime`) was applied to `engine`: stores its column when
   * `write` (a bar closing live); at a checkpoint bar takes the pruning floor from its column and keeps
   * the checkpoint.
   */
  closed(engine: Engine, store: HeatmapColumns, openTime: ArrayLike<number>, intervalMs: number, i: number, input: BarInput, write: boolean): void {
    const checkpoint = isCheckpointBar(openTime, i, intervalMs);
    if (write) this.write(engine, store, i, input);
    else if (checkpoint) this.sumOnly(engine, store.grid.rows, input);
    if (!checkpoint) return;
    engine.refreshPrunePeak();
    this.checkpoints.save(i, engine.saveState(this.checkpoints.spare()));
    this.checkpoints.dropBefore(store.oldest(i + 1));
  }

  /** Writes the column of the state `engine` holds for bar `i`. */
  write(engine: Engine, store: HeatmapColumns, i: number, input: BarInput): void {
    // Before reading the blocks: preparing a column allocates its block on first use.
    const offset = store.prepare(i);
    const result = engine.writeColumn(input, store.longOf(i), store.shortOf(i), offset);
    store.setOffGrid(i, result.longOffGrid, result.shortOffGrid);
    this.checkpoints.markBuilt(i);
  }

  /** Sums the column of the state `engine` holds into scratch (for its peaks), storing nothing. */
  private sumOnly(engine: Engine, rows: number, input: BarInput): void {
    if (this.scratchLong.length !== rows) {
      this.scratchLong = new Float32Array(rows);
      this.scratchShort = new Float32Array(rows);
    } else {
      this.scratchLong.fill(0);
      this.scratchShort.fill(0);
    }
    engine.writeColumn(input, this.scratchLong, this.scratchShort, 0);
  }

  /**
   * Makes sure column `i` is built: a closed column not built yet is built with the rest of its span,
   * replayed on `scratch` from the checkpoint (`closed` bars are closed, `length` are held; `inputAt` gives
   * a bar's input). A built column costs one look-up (this runs for every column a frame reads).
   */
  build(i: number, store: HeatmapColumns, scratch: Engine, closed: number, length: number, inputAt: (bar: number) => BarInput): void {
    if (this.checkpoints.isBuilt(i)) return;
    const span = this.checkpoints.spanOf(i);
    if (!span || i >= closed) throw new Error(`model: column ${i} has no checkpoint to be built from`);
    scratch.loadState(span.state);
    const oldest = store.oldest(length);
    if (!this.checkpoints.isBuilt(span.bar) && span.bar >= oldest) this.write(scratch, store, span.bar, inputAt(span.bar));
    const end = Math.min(span.end, closed);
    for (let c = span.bar + 1; c < end; c++) {
      const input = inputAt(c);
      scratch.advance(input);
      if (c >= oldest) this.write(scratch, store, c, input);
    }
  }

  /** The first bar of the span holding column `i` (its checkpoint bar), or `i` when none is kept. */
  spanStart(i: number): number {
    const span = this.checkpoints.spanOf(i);
    return span ? span.bar : i;
  }
}
