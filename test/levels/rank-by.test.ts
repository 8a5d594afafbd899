import { describe, expect, it } from 'vitest';
import { computeLevels, type LevelsInput } from '../../src/levels/compute-levels';
import { mergeLevelsOptions } from '../../src/levels/levels-options';
import { priceAtRow } from '../../src/model/price-grid';
import { gridAround } from '../helpers/grids';

const GRID = gridAround(100, 100, 200);
const PRICE = priceAtRow(GRID, 100);
const rowOfLevel = (price: number) => Math.round((Math.log(price) - GRID.lnMin) / GRID.lnStep - 0.5);

/** Below price: a near small cluster (row 95), a broad low one (row 70, 15 rows of 3) and a sharp tall one (row 60, one row of 10). */
function column(): LevelsInput {
  const long = new Float64Array(GRID.rows);
  long[95] = 4;
  for (let r = 63; r <= 77; r++) long[r] = 3 - Math.abs(r - 70) * 0.01;
  long[60] = 10;
  return { grid: GRID, time: 1000, price: PRICE, unit: 'heat', sweepRule: 'full', long, short: new Float64Array(GRID.rows) };
}

describe('levels option rankBy', () => {
  const options = { top: 2, proximityHalfPct: Infinity, zoneMassShare: 1, minStrength: 0.2 };

  it('with size, lists the broad cluster beside the nearest one: its zone sums more', () => {
    const report = computeLevels(column(), { ...options, rankBy: 'size' });
    expect(report.below.map((l) => rowOfLevel(l.price))).toEqual([95, 70]);
  });

  it('with peak, lists the sharp cluster beside the nearest one: its peak is denser', () => {
    const report = computeLevels(column(), { ...options, rankBy: 'peak' });
    expect(report.below.map((l) => rowOfLevel(l.price))).toEqual([95, 60]);
  });

  it('refuses a rank other than size or peak, naming the option', () => {
    expect(() => mergeLevelsOptions({ rankBy: 'age' as never })).toThrow(/^levels option rankBy: size or peak, got age$/);
  });
});
