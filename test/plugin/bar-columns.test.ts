import { describe, expect, it } from 'vitest';
import { BarColumns } from '../../plugin/bar-columns';
import type { ColumnsReader } from '../../plugin/columns-reader';
import type { ColumnView } from '../../src/model/model-types';

const T0 = Date.UTC(2025, 0, 1);
const QUARTER = 900_000;
const HOUR = 3_600_000;

/** A reader of `count` 15m columns from T0 whose column c holds the value c in row 0. */
function quarters(count: number, data = 1): ColumnsReader & { count: number } {
  const openTime = Float64Array.from({ length: 64 }, (_, i) => T0 + i * QUARTER);
  return {
    count,
    grid: null,
    revision: { data, tail: 0 },
    get length() {
      return this.count;
    },
    klines: { openTime, intervalMs: QUARTER },
    columnAt: (i: number): ColumnView => ({ index: i, time: openTime[i], long: Float32Array.of(i), short: Float32Array.of(0), scale: 1, offGrid: [0, 0] }),
  };
}

describe('bar columns: finer klines shown one per chart bar', () => {
  it('groups 15m columns into hourly bars opening at whole hours', () => {
    const bars = new BarColumns().sync(quarters(10), HOUR);
    expect(bars.length).toBe(3);
    expect(Array.from(bars.klines.openTime.subarray(0, 3))).toEqual([T0, T0 + HOUR, T0 + 2 * HOUR]);
    expect(bars.klines.intervalMs).toBe(HOUR);
  });

  it('shows on each bar the last column opening inside it (the state at the bar close, or now for the forming bar)', () => {
    const bars = new BarColumns().sync(quarters(10), HOUR);
    expect([0, 1, 2].map((b) => bars.sourceColumn(b))).toEqual([3, 7, 9]);
    expect(bars.columnAt(1).long[0]).toBe(7);
  });

  it('follows new columns without a new data revision: the forming bar moves to the newest column', () => {
    const source = quarters(10);
    const bars = new BarColumns().sync(source, HOUR);
    source.count = 13;
    bars.sync(source, HOUR);
    expect(bars.length).toBe(4);
    expect([2, 3].map((b) => bars.sourceColumn(b))).toEqual([11, 12]);
  });

  it('regroups from scratch on a new data revision', () => {
    const bars = new BarColumns().sync(quarters(10), HOUR);
    bars.sync(quarters(5, 2), HOUR);
    expect(bars.length).toBe(2);
    expect(bars.sourceColumn(1)).toBe(4);
  });

  it('finds the column shown on the bar opening at a time, and none between bar opens', () => {
    const bars = new BarColumns().sync(quarters(10), HOUR);
    expect(bars.columnAtTime(T0 + HOUR)).toBe(7);
    expect(bars.columnAtTime(T0 + HOUR + QUARTER)).toBe(-1);
  });

  it('refuses to read a bar it does not have, naming it', () => {
    const bars = new BarColumns().sync(quarters(4), HOUR);
    expect(() => bars.columnAt(1)).toThrow(/no bar 1 \(1 bars\)/);
  });
});
