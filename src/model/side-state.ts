import type { SideBook } from './side-book';

/** A side's state as {@link saveSideState} keeps it: each group's live rows, back to back. */
export interface SideState {
  readonly live: Float64Array;
  readonly scale: Float64Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly offGrid: Float64Array;
}

/**
 * A copy of a side's state holding only the live rows of each group (a checkpoint is mostly empty rows
 * otherwise), into `reuse`'s arrays when they fit (a dropped checkpoint's: less garbage on long histories).
 */
export function saveSideState(book: SideBook, reuse?: SideState): SideState {
  const { lo, hi, groups } = book;
  let size = 0;
  for (let g = 0; g < groups; g++) size += Math.max(0, hi[g] - lo[g]);
  if (reuse && reuse.live.length >= size && reuse.scale.length === groups) {
    copyLive(book, reuse.live);
    reuse.scale.set(book.scale);
    reuse.lo.set(lo);
    reuse.hi.set(hi);
    reuse.offGrid.set(book.offGrid);
    return reuse;
  }
  // Room to spare, so that this state's arrays fit the next checkpoint that reuses them.
  const live = new Float64Array(Math.ceil(size * 1.25));
  copyLive(book, live);
  return { live, scale: book.scale.slice(), lo: lo.slice(), hi: hi.slice(), offGrid: book.offGrid.slice() };
}

function copyLive(book: SideBook, live: Float64Array): void {
  const { mass, lo, hi, groups } = book;
  const rows = book.grid.rows;
  let at = 0;
  for (let g = 0; g < groups; g++) {
    if (hi[g] <= lo[g]) continue;
    live.set(mass.subarray(g * rows + lo[g], g * rows + hi[g]), at);
    at += hi[g] - lo[g];
  }
}

/** Puts back a state {@link saveSideState} took of a side on the same grid. */
export function loadSideState(book: SideBook, state: SideState): void {
  const { mass, lo, hi, groups } = book;
  const rows = book.grid.rows;
  mass.fill(0);
  book.scale.set(state.scale);
  lo.set(state.lo);
  hi.set(state.hi);
  book.offGrid.set(state.offGrid);
  let at = 0;
  for (let g = 0; g < groups; g++) {
    const width = hi[g] - lo[g];
    if (width <= 0) continue;
    mass.set(state.live.subarray(at, at + width), g * rows + lo[g]);
    at += width;
  }
}
