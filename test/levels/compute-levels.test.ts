import { describe, expect, it } from 'vitest';
import { computeLevels, type LevelsInput } from '../../src/levels/compute-levels';
import { gridAround } from '../helpers/grids';
import { must } from '../helpers/must';
import { priceAtRow, rowLow } from '../../src/model/price-grid';

/** Rows of 0.1 %: row 100 starts at the price of the tests (P(100)). */
const GRID = gridAround(100, 100, 200);
const P = (row: number) => priceAtRow(GRID, row);
const PRICE = P(100);
const rowOfLevel = (price: number) => Math.round((Math.log(price) - GRID.lnMin) / GRID.lnStep - 0.5);

/** A column with triangular bumps: `[centreRow, peak, halfWidth]`, long side below 100, short above. */
function column(longBumps: [number, number, number][], shortBumps: [number, number, number][], price = PRICE): LevelsInput {
  const long = new Float64Array(GRID.rows);
  const short = new Float64Array(GRID.rows);
  const paint = (v: Float64Array, [centre, peak, half]: [number, number, number]) => {
    for (let r = centre - half; r <= centre + half; r++) v[r] += peak * (1 - Math.abs(r - centre) / (half + 1));
  };
  longBumps.forEach((b) => paint(long, b));
  shortBumps.forEach((b) => paint(short, b));
  return { grid: GRID, time: 1000, price, unit: 'heat', sweepRule: 'full', long, short };
}

describe('computeLevels', () => {
  it('finds one level per cluster with the peak price, zone bounds and summed size', () => {
    const report = computeLevels(column([[80, 10, 3]], [[120, 5, 3]]), { zoneFloor: 0.5, zoneMassShare: 0 });
    expect(report.below).toHaveLength(1);
    const level = report.below[0];
    expect(level.price).toBeCloseTo(P(80.5), 9);
    expect(level.side).toBe('long');
    // rows 79..81 hold >= 50 % of the peak (10, 7.5, 10*0.75): 78 holds 5 = 50 %, 77 holds 2.5
    expect(level.low).toBe(rowLow(GRID, 78));
    expect(level.high).toBe(rowLow(GRID, 83));
    expect(level.notional).toBeCloseTo(5 + 7.5 + 10 + 7.5 + 5, 9);
    expect(level.distancePct).toBeCloseTo(((P(80.5) - PRICE) / PRICE) * 100, 9);
    expect(report.above[0].price).toBeCloseTo(P(120.5), 9);
    expect(report.above[0].side).toBe('short');
  });

  it('strength is the peak relative to the strongest level on either side', () => {
    const report = computeLevels(column([[80, 10, 2]], [[120, 4, 2]]));
    expect(report.below[0].strength).toBe(1);
    expect(report.above[0].strength).toBeCloseTo(0.4, 9);
  });

  it('interpolates the peak between rows when the cluster is lopsided', () => {
    const input = column([], []);
    const long = input.long as Float64Array;
    long[60] = 4;
    long[61] = 10;
    long[62] = 8;
    const level = computeLevels(input).below[0];
    expect(level.price).toBeGreaterThan(P(61.5));
    expect(level.price).toBeLessThan(P(62));
  });

  it('keeps the top N on each side, the nearest significant one and the largest others, listed nearest first', () => {
    const report = computeLevels(column([[90, 2, 1], [70, 9, 1], [50, 8, 1], [30, 1, 1]], []), { top: 3, proximityHalfPct: Infinity });
    expect(report.below.map((l) => rowOfLevel(l.price))).toEqual([90, 70, 50]);
    const two = computeLevels(column([[90, 2, 1], [70, 9, 1], [50, 8, 1], [30, 1, 1]], []), { top: 2, proximityHalfPct: Infinity });
    expect(two.below.map((l) => rowOfLevel(l.price))).toEqual([90, 70]);
  });

  it('ranks a near cluster above a larger far one: size halves every proximityHalfPct of distance', () => {
    // Row 95 (nearest) is always listed; of the others, 9 at -3 % ranks 9 * 0.5^6 and 2.5 at -1 % ranks
    // 2.5 * 0.5^2: the near one wins with a 0.5 % half-distance, the big one by size alone.
    const bumps = column([[95, 3, 1], [90, 2.5, 1], [70, 9, 1]], []);
    const near = computeLevels(bumps, { top: 2, proximityHalfPct: 0.5 });
    expect(near.below.map((l) => rowOfLevel(l.price))).toEqual([95, 90]);
    const bySize = computeLevels(bumps, { top: 2, proximityHalfPct: Infinity });
    expect(bySize.below.map((l) => rowOfLevel(l.price))).toEqual([95, 70]);
  });

  it('the nearest significant level skips weak clusters closer to price', () => {
    const report = computeLevels(column([[95, 1, 1], [80, 10, 1]], [[105, 1, 1], [130, 6, 1]]), { minStrength: 0.2 });
    expect(rowOfLevel(must(report.nearestBelow, 'a nearest level below').price)).toBe(80);
    expect(rowOfLevel(must(report.nearestAbove, 'a nearest level above').price)).toBe(130);
  });

  it('the nearest significant level is always in the list, and no listed level is nearer or weak', () => {
    const report = computeLevels(column([[98, 1, 1], [80, 4, 1], [60, 10, 1], [40, 9, 1]], []), { top: 2, minStrength: 0.2, proximityHalfPct: Infinity });
    expect(rowOfLevel(must(report.nearestBelow, "the nearest level below").price)).toBe(80);
    expect(report.below.map((l) => rowOfLevel(l.price))).toEqual([80, 60]);
    expect(report.below.every((l) => l.strength >= 0.2)).toBe(true);
  });

  it('a zone that straddles price is clipped to its own side', () => {
    const report = computeLevels(column([[99, 10, 3]], [], P(100.7)), { zoneFloor: 0.5, zoneMassShare: 0 });
    expect(report.below[0].high).toBe(P(100.7));
    expect(report.below[0].price).toBeLessThanOrEqual(P(100.7));
  });

  it('reads a long-flush bias when long liquidations crowd just below price', () => {
    const report = computeLevels(column([[99, 10, 1]], [[101, 2, 1]]));
    // Below price: rows 98 and 99 (5 + 10); above: rows 100..102 (1 + 2 + 1), all inside the 2 % window.
    expect(report.bias.label).toBe('long-flush');
    expect(report.bias.ratio).toBeCloseTo(15 / 4, 9);
  });

  it('reads a short-squeeze bias when short liquidations crowd just above price', () => {
    const report = computeLevels(column([[99, 1, 1]], [[101, 4, 1]]));
    expect(report.bias.label).toBe('short-squeeze');
    expect(report.bias.ratio).toBeCloseTo(1.5 / 8, 9);
  });

  it('reads balanced when neither side dominates, and ratio 1 with no pressure at all', () => {
    expect(computeLevels(column([[99, 5, 1]], [[101, 4, 1]])).bias.label).toBe('balanced');
    const empty = computeLevels(column([], []));
    expect(empty.bias).toMatchObject({ label: 'balanced', ratio: 1 });
    expect(empty.above).toEqual([]);
    expect(empty.nearestAbove).toBeNull();
  });

  it('totals each side of price', () => {
    const report = computeLevels(column([[80, 10, 0]], [[120, 3, 0]]));
    expect(report.totals).toEqual({ below: 10, above: 3 });
  });

  it('asks the history for firstSeen only for the levels it reports, once each (the walk back can be long)', () => {
    const asked: number[] = [];
    const bumps: [number, number, number][] = [[20, 10, 1], [30, 10, 1], [40, 10, 1], [50, 10, 1], [60, 10, 1], [70, 10, 1], [80, 10, 1], [90, 1, 1]];
    const report = computeLevels({ ...column(bumps, []), firstSeen: (_side, row) => (asked.push(row), row) }, { top: 2, minStrength: 0.5 });
    expect(report.below.map((l) => l.firstSeen).sort()).toEqual([...asked].sort());
    expect(asked).toHaveLength(2);
  });

  it('firstSeen comes from the supplied history lookup of the peak row', () => {
    const report = computeLevels({ ...column([[80, 10, 1]], []), firstSeen: (side, row) => (side === 'long' ? row * 10 : -1) });
    expect(report.below[0].firstSeen).toBe(800);
  });

  it('rejects bad options by name', () => {
    expect(() => computeLevels(column([], []), { top: 0 })).toThrow(/top/);
  });
});
