import { describe, expect, it } from 'vitest';
import { keepFraction, noSweep, type SweepBounds } from '../../src/model/sweep-keep';

/** Long bounds over log prices: partial region [2, 6), fully cleared from 6 up. */
const LONG: SweepBounds = { partial: 2, full: 6, keepFull: 0.1, keepInner: 0.2, keepOuter: 1 };
/** The mirror for shorts: partial region (4, 8], fully cleared at and below 4. */
const SHORT: SweepBounds = { partial: 8, full: 4, keepFull: 0.1, keepInner: 0.2, keepOuter: 1 };

describe('keep fraction of a row under sweep bounds', () => {
  it('keeps all of a row short of the partial bound', () => {
    expect(keepFraction(true, 1, 1, LONG)).toBe(1);
    expect(keepFraction(false, 8, 1, SHORT)).toBe(1);
  });

  it('keeps keepFull of a row wholly beyond the full bound', () => {
    expect(keepFraction(true, 6, 1, LONG)).toBeCloseTo(0.1, 12);
    expect(keepFraction(false, 3, 1, SHORT)).toBeCloseTo(0.1, 12);
  });

  it('keeps the linear share at the middle of a row inside the partial region, from keepInner at full to keepOuter at partial', () => {
    // Row [5, 6) of the long side: its middle 5.5 lies 1/8 of the way from full (6) to partial (2).
    expect(keepFraction(true, 5, 1, LONG)).toBeCloseTo(0.2 + 0.8 * (0.5 / 4), 12);
    expect(keepFraction(true, 2, 1, LONG)).toBeCloseTo(0.2 + 0.8 * (3.5 / 4), 12);
    expect(keepFraction(false, 4, 1, SHORT)).toBeCloseTo(0.2 + 0.8 * (0.5 / 4), 12);
  });

  it('averages a row straddling a bound over its parts', () => {
    // Long row [1.5, 2.5): half untouched, half in the partial region around 2.25 (depth 3.75 / 4).
    expect(keepFraction(true, 1.5, 1, LONG)).toBeCloseTo(0.5 + 0.5 * (0.2 + 0.8 * (3.75 / 4)), 12);
    // Long row [5.5, 6.5): half at keepFull, half in the partial region around 5.75.
    expect(keepFraction(true, 5.5, 1, LONG)).toBeCloseTo(0.5 * 0.1 + 0.5 * (0.2 + 0.8 * (0.25 / 4)), 12);
  });

  it('with an infinite full bound keeps the constant share from the partial bound on', () => {
    const open: SweepBounds = { partial: 2, full: Infinity, keepFull: 0, keepInner: 0.3, keepOuter: 0.3 };
    expect(keepFraction(true, 100, 1, open)).toBeCloseTo(0.3, 12);
    expect(keepFraction(false, -100, 1, { ...open, full: -Infinity, partial: 8 })).toBeCloseTo(0.3, 12);
  });

  it('noSweep keeps everything', () => {
    expect(keepFraction(true, 5, 1, noSweep())).toBe(1);
    expect(keepFraction(false, 5, 1, noSweep())).toBe(1);
  });
});
