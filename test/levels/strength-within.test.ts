import { describe, expect, it } from 'vitest';
import { computeLevels, type LevelsInput } from '../../src/levels/compute-levels';
import { mergeLevelsOptions } from '../../src/levels/levels-options';
import { priceAtRow } from '../../src/model/price-grid';
import { gridAround } from '../helpers/grids';

/** Rows of 0.1 %: price at the start of row 100. */
const GRID = gridAround(100, 100, 200);
const PRICE = priceAtRow(GRID, 100);

/** Long-side bumps `[centreRow, peak]` three rows wide. */
function column(bumps: [number, number][]): LevelsInput {
  const long = new Float64Array(GRID.rows);
  for (const [centre, peak] of bumps) {
    long[centre - 1] += peak / 2;
    long[centre] += peak;
    long[centre + 1] += peak / 2;
  }
  return { grid: GRID, time: 1000, price: PRICE, unit: 'heat', sweepRule: 'full', long, short: new Float64Array(GRID.rows) };
}

describe('strengthWithinPct: strength against the neighbourhood of price', () => {
  it('by default a level near price is weak beside a larger far one', () => {
    const report = computeLevels(column([[95, 2], [40, 10]]));
    expect(report.below.find((l) => l.distancePct > -1)?.strength).toBeCloseTo(0.2, 9);
  });

  it('within 2 % of price the near level is the reference (strength 1) and the far one is capped at 1', () => {
    const report = computeLevels(column([[95, 2], [40, 10]]), { strengthWithinPct: 2 });
    const near = report.below.find((l) => l.distancePct > -1);
    const far = report.below.find((l) => l.distancePct < -5);
    expect(near?.strength).toBe(1);
    expect(far?.strength).toBe(1);
  });

  it('lists a near cluster that is too weak against the whole column', () => {
    const bumps: [number, number][] = [[95, 1], [40, 10]];
    expect(computeLevels(column(bumps)).below.some((l) => l.distancePct > -1)).toBe(false);
    expect(computeLevels(column(bumps), { strengthWithinPct: 2 }).below.some((l) => l.distancePct > -1)).toBe(true);
  });

  it('with no mass within that distance, measures against the whole column', () => {
    const report = computeLevels(column([[40, 10], [30, 5]]), { strengthWithinPct: 2 });
    expect(report.below.map((l) => l.strength)).toEqual([1, 0.5]);
  });

  it('refuses a distance below 0.1 %, naming the option', () => {
    expect(() => mergeLevelsOptions({ strengthWithinPct: 0 })).toThrow(/strengthWithinPct/);
  });
});
