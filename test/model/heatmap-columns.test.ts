import { describe, expect, it } from 'vitest';
import { HeatmapColumns } from '../../src/model/heatmap-columns';
import { gridAround } from '../helpers/grids';

const GRID = gridAround(100, 5, 10);

function write(store: HeatmapColumns, i: number, value: number): void {
  const offset = store.prepare(i);
  store.longOf(i).fill(value, offset, offset + GRID.rows);
  store.shortOf(i).fill(-value, offset, offset + GRID.rows);
}

function read(store: HeatmapColumns, i: number): number[] {
  const offset = store.offset(i);
  return [store.longOf(i)[offset], store.longOf(i)[offset + GRID.rows - 1], store.shortOf(i)[offset]];
}

describe('heatmap column storage', () => {
  it('a column reads back what was written, whichever block holds it', () => {
    const store = new HeatmapColumns(GRID, 16);
    for (const i of [0, 63, 64, 1000]) write(store, i, i + 1);
    for (const i of [0, 63, 64, 1000]) expect(read(store, i)).toEqual([i + 1, i + 1, -(i + 1)]);
  });

  it('holds no block for columns never written, and says so when one is read', () => {
    const store = new HeatmapColumns(GRID, 16);
    write(store, 1000, 1);
    expect(() => store.longOf(0)).toThrow(/column 0 has no storage/);
    expect(() => store.shortOf(0)).toThrow(/column 0 has no storage/);
    expect(store.longOf(999)).toBe(store.longOf(1000));
  });

  it('with a finite keep, column i + keep takes the place of column i, also in a block shorter than the others', () => {
    const store = new HeatmapColumns(GRID, 16, 100);
    write(store, 99, 1);
    write(store, 130, 2);
    write(store, 199, 3);
    expect(store.longOf(199)).toBe(store.longOf(99));
    expect(store.longOf(199).length).toBe(36 * GRID.rows);
    expect(read(store, 199)).toEqual([3, 3, -3]);
    expect(read(store, 130)).toEqual([2, 2, -2]);
  });

  it('preparing a column again zeroes what it held', () => {
    const store = new HeatmapColumns(GRID, 16);
    write(store, 5, 7);
    store.prepare(5);
    expect(read(store, 5)).toEqual([0, 0, 0]);
  });
});
