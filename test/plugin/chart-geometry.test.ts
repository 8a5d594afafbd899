import { describe, expect, it } from 'vitest';
import { rowGeometry } from '../../plugin/chart-geometry';
import { must } from '../helpers/must';
import { fakeChart } from './fake-chart';
import { gridAround } from '../helpers/grids';
import { rowLow } from '../../src/model/price-grid';

const TIMES = [100, 200, 300, 400, 500].map((t) => t * 3600);
/** 1 % rows from about 15 to 90. */
const GRID = gridAround(15, 0, 180, 1);

describe('chart geometry', () => {
  it('a linear scale draws the log-spaced rows in a few evenly spaced strips, each row edge within 0.25 px', () => {
    const fake = fakeChart(TIMES, { low: 10, high: 100, height: 90 });
    const { strips } = must(rowGeometry(fake.series, GRID), 'a row geometry');
    expect(strips.length).toBeGreaterThan(1);
    expect(strips.length).toBeLessThan(GRID.rows / 4);
    expect(strips[0]).toMatchObject({ row: 0, yTop: exactY(fake, GRID.rows) });
    let next = 0;
    for (const strip of strips) {
      expect(strip.row).toBe(next);
      for (let k = 0; k <= strip.count; k++) {
        const even = strip.yTop + ((strip.yBottom - strip.yTop) * k) / strip.count;
        expect(Math.abs(even - exactY(fake, GRID.rows - (strip.row + k)))).toBeLessThanOrEqual(0.25);
      }
      next = strip.row + strip.count;
    }
    expect(next).toBe(GRID.rows);
    expect(strips[strips.length - 1].yBottom).toBeCloseTo(exactY(fake, 0), 9);
  });

  it('percentage and indexed-to-100 scales are linear in price, so the rows map as on a linear scale', () => {
    const linear = rowGeometry(fakeChart(TIMES, { low: 10, high: 100, height: 90 }).series, GRID);
    for (const mode of [2, 3]) {
      const fake = fakeChart(TIMES, { low: 10, high: 100, height: 90, mode });
      expect(rowGeometry(fake.series, GRID)).toEqual(linear);
    }
  });

  it('a logarithmic scale spaces log rows evenly: one strip from the top of the grid to its bottom', () => {
    const fake = fakeChart(TIMES, { low: 10, high: 100, height: 100, log: true });
    const { strips } = must(rowGeometry(fake.series, GRID), 'a row geometry');
    expect(strips).toHaveLength(1);
    const logY = (price: number) => 100 - ((Math.log(price) - Math.log(10)) / (Math.log(100) - Math.log(10))) * 100;
    expect(strips[0].count).toBe(GRID.rows);
    expect(strips[0].yTop).toBeCloseTo(logY(rowLow(GRID, GRID.rows)), 9);
    expect(strips[0].yBottom).toBeCloseTo(logY(rowLow(GRID, 0)), 9);
  });
});

/** Exact y of the lower edge of grid row `r` on the fake chart's linear scale. */
function exactY(fake: ReturnType<typeof fakeChart>, r: number): number {
  return must(fake.series.priceToCoordinate(rowLow(GRID, r)), `the coordinate of row ${r}`);
}
