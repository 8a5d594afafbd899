import { describe, expect, it } from 'vitest';
import { columnGeometry, rowGeometry } from '../../plugin/chart-geometry';
import { fakeChart } from './fake-chart';

const TIMES = [100, 200, 300, 400, 500].map((t) => t * 3600);
const GRID = { min: 10, step: 10, rows: 9 };

describe('chart geometry', () => {
  it('maps columns to logical indices: column c centred on its bar', () => {
    const fake = fakeChart(TIMES, { low: 10, high: 100, spacing: 8 });
    fake.setVisible(1.2, 3.4);
    const g = columnGeometry(fake.chart as never, Float64Array.from(TIMES, (t) => t * 1000), 5)!;
    expect(g).toEqual({ x0: -4, columnWidth: 8, firstColumn: 1, endColumn: 5 });
  });

  it('finds the columns when the series starts later than the klines', () => {
    const fake = fakeChart(TIMES.slice(2), { low: 10, high: 100, spacing: 8 });
    const g = columnGeometry(fake.chart as never, Float64Array.from(TIMES, (t) => t * 1000), 5)!;
    expect(g.x0).toBe(-2 * 8 - 4);
  });

  it('a linear scale places the grid by its top and bottom only', () => {
    const fake = fakeChart(TIMES, { low: 10, high: 100, height: 90 });
    expect(rowGeometry(fake.series, GRID)).toEqual({ yTop: 0, yBottom: 90, rowEdges: null });
  });

  it('percentage and indexed-to-100 scales are linear in price, so the grid maps by top and bottom', () => {
    for (const mode of [2, 3]) {
      const fake = fakeChart(TIMES, { low: 10, high: 100, height: 90, mode });
      expect(rowGeometry(fake.series, GRID)).toEqual({ yTop: 0, yBottom: 90, rowEdges: null });
    }
  });

  it('a logarithmic scale gives every row its own edges, wider at low prices', () => {
    const fake = fakeChart(TIMES, { low: 10, high: 100, height: 100, log: true });
    const rows = rowGeometry(fake.series, GRID)!;
    const edges = rows.rowEdges!;
    expect(edges).toHaveLength(GRID.rows + 1);
    for (let k = 0; k <= GRID.rows; k++) {
      const price = GRID.min + (GRID.rows - k) * GRID.step;
      expect(edges[k]).toBeCloseTo(100 - ((Math.log(price) - Math.log(10)) / (Math.log(100) - Math.log(10))) * 100, 9);
    }
    expect(edges[GRID.rows] - edges[GRID.rows - 1]).toBeGreaterThan(edges[1] - edges[0]);
    expect(rows.yTop).toBe(edges[0]);
    expect(rows.yBottom).toBe(edges[GRID.rows]);
  });

  it('a logarithmic scale survives a grid that starts at zero', () => {
    const fake = fakeChart(TIMES, { low: 10, high: 100, log: true });
    const rows = rowGeometry(fake.series, { min: 0, step: 10, rows: 10 })!;
    expect(Array.from(rows.rowEdges!).every(Number.isFinite)).toBe(true);
  });
});
