import type { Side } from './side';

/** Reads one side's raw value at a column and row (positive when mass is there). */
export type CellReader = (side: Side, column: number, row: number) => number;

/**
 * When each run of mass at a row began. Closed columns never change within a data revision, so the walk
 * back through history for a run that ends at a closed column happens once and is cached: a caller that
 * asks every tick costs O(1) per level after the first ask of a bar.
 */
export class FirstSeenIndex {
  private readonly runStart = new Map<string, number>();

  /** Drops the cache (a new data revision). */
  clear(): void {
    this.runStart.clear();
  }

  /** First column (not before `oldest`, the oldest column kept) of the run of mass at `row` that reaches column `index`. */
  firstColumn(read: CellReader, side: Side, row: number, index: number, oldest = 0): number {
    if (index <= oldest || !(read(side, index - 1, row) > 0)) return index;
    const key = `${side}:${row}:${index - 1}`;
    let first = this.runStart.get(key);
    if (first === undefined || first < oldest) {
      first = index - 1;
      while (first > oldest && read(side, first - 1, row) > 0) first--;
      this.runStart.set(key, first);
    }
    return first;
  }
}
