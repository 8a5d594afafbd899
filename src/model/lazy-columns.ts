import type { BarInput } from './bar-input';
import { ColumnCheckpoints, isCheckpointBar } from './column-checkpoints';
import type { Engine } from './engine';
import type { HeatmapColumns } from './heatmap-columns';

/**
 * How the model's columns come to be: a recompute applies every bar to the engine and writes only the
 * checkpoint bars' columns (whose peaks set the pruning floor), keeping a checkpoint of the state there;
 * any other closed column is built when first read, by replaying its span from the checkpoint before it
 * on a scratch engine. A column is the same whenever, and in whatever order, it is built.
 */
export class LazyColumns {
  private readonly checkpoints = new ColumnCheckpoints();

  /** Forgets every checkpoint and built column (a recompute starts). */
  clear(): void {
    this.checkpoints.clear();
  }

  /**
   * After closed bar `i` (of bars opening at `openTime`) was applied to `engine`: writes its column at a
   * checkpoint bar, and keeps the checkpoint, or when `write` (a bar closing live).
   */
  closed(engine: Engine, store: HeatmapColumns, openTime: ArrayLike<number>, intervalMs: number, i: number, input: BarInput, write: boolean): void {
    const checkpoint = isCheckpointBar(openTime, i, intervalMs);
    if (checkpoint || write) this.write(engine, store, i, input);
    if (!checkpoint) return;
    engine.refreshPrunePeak();
    this.checkpoints.save(i, engine.saveState(this.checkpoints.spare()));
    this.checkpoints.dropBefore(store.oldest(i + 1));
  }

  /** Writes the column of the state `engine` holds for bar `i`. */
  write(engine: Engine, store: HeatmapColumns, i: number, input: BarInput): void {
    // Before reading `store.long`: preparing a column past the capacity grows the arrays.
    const offset = store.prepare(i);
    const result = engine.writeColumn(input, store.long, store.short, offset);
    store.setOffGrid(i, result.longOffGrid, result.shortOffGrid);
    this.checkpoints.markBuilt(i);
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
