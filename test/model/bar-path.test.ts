import { describe, expect, it } from 'vitest';
import { barPathBounds } from '../../src/model/bar-path';
import { noSweep } from '../../src/model/sweep-keep';
import { bar, input } from '../helpers/bars';

function bounds(open: number, high: number, low: number, close: number, share = 1) {
  const long = noSweep();
  const short = noSweep();
  const moved = barPathBounds(input(bar(0, open, high, low, close)), share, long, short);
  return { moved, long, short };
}

describe('what a bar path liquidates of its own new positions', () => {
  it('green bar (open, low, high, close): longs with liquidation at or above the close are all cleared, between low and close the share opened before the low', () => {
    // Legs 100 -> 98 -> 104 -> 103: 2 + 6 + 1 = 9; 2/9 of the entries come before the low.
    const { long } = bounds(100, 104, 98, 103);
    expect(long.partial).toBeCloseTo(Math.log(98), 12);
    expect(long.full).toBeCloseTo(Math.log(103), 12);
    expect(long.keepInner).toBeCloseTo(7 / 9, 12);
    expect(long.keepOuter).toBeCloseTo(7 / 9, 12);
    expect(long.keepFull).toBe(0);
  });

  it('green bar: shorts opened before the high are cleared up to the high, those opened after it are untouched', () => {
    const { short } = bounds(100, 104, 98, 103);
    expect(short.partial).toBeCloseTo(Math.log(104), 12);
    expect(short.full).toBe(-Infinity);
    expect(short.keepInner).toBeCloseTo(1 / 9, 12);
  });

  it('red bar (open, high, low, close): shorts with liquidation at or below the close are all cleared, longs keep the share opened after the low', () => {
    // Legs 100 -> 102 -> 96 -> 97: 2 + 6 + 1 = 9; the high comes after 2/9, the low after 8/9.
    const { long, short } = bounds(100, 102, 96, 97);
    expect(short.partial).toBeCloseTo(Math.log(102), 12);
    expect(short.full).toBeCloseTo(Math.log(97), 12);
    expect(short.keepInner).toBeCloseTo(7 / 9, 12);
    expect(short.keepFull).toBe(0);
    expect(long.partial).toBeCloseTo(Math.log(96), 12);
    expect(long.full).toBe(Infinity);
    expect(long.keepInner).toBeCloseTo(1 / 9, 12);
  });

  it('liquidates only sweepShare of the positions the path reaches', () => {
    const { long } = bounds(100, 104, 98, 103, 0.5);
    expect(long.keepInner).toBeCloseTo(1 - 0.5 * (2 / 9), 12);
    expect(long.keepFull).toBeCloseTo(0.5, 12);
  });

  it('with mark-price klines the mark low and high bound what the path reached', () => {
    const long = noSweep();
    const short = noSweep();
    barPathBounds(input(bar(0, 100, 104, 98, 103), { markLow: 99, markHigh: 103.5 }), 1, long, short);
    expect(long.partial).toBeCloseTo(Math.log(99), 12);
    expect(long.full).toBeCloseTo(Math.log(103), 12);
    expect(short.partial).toBeCloseTo(Math.log(103.5), 12);
  });

  it('a bar without a range clears nothing', () => {
    expect(bounds(100, 100, 100, 100).moved).toBe(false);
  });
});
