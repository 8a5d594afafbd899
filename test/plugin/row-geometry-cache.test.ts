import { describe, expect, it } from 'vitest';
import { rowGeometry, RowGeometryCache } from '../../plugin/chart-geometry';
import { must } from '../helpers/must';
import { gridAround } from '../helpers/grids';
import { fakeChart } from './fake-chart';

const TIMES = [100, 200, 300].map((t) => t * 3600);
const GRID = gridAround(15, 0, 180, 1);

describe('row geometry cache', () => {
  it('hands back the same strips while the grid lands where it did', () => {
    const fake = fakeChart(TIMES, { low: 10, high: 100, height: 90 });
    const cache = new RowGeometryCache();
    const first = must(cache.of(fake.series, GRID), 'a row geometry');
    expect(first.strips).toEqual(must(rowGeometry(fake.series, GRID), 'a row geometry').strips);
    expect(must(cache.of(fake.series, GRID), 'a row geometry').strips).toBe(first.strips);
  });

  it('recomputes when the price scale moves, the grid changes or the axis is logarithmic', () => {
    const cache = new RowGeometryCache();
    const before = must(cache.of(fakeChart(TIMES, { low: 10, high: 100, height: 90 }).series, GRID), 'a row geometry').strips;
    const moved = fakeChart(TIMES, { low: 12, high: 100, height: 90 });
    expect(must(cache.of(moved.series, GRID), 'a row geometry').strips).toEqual(must(rowGeometry(moved.series, GRID), 'a row geometry').strips);
    expect(must(cache.of(moved.series, GRID), 'a row geometry').strips).not.toEqual(before);
    const other = gridAround(15, 0, 120, 1);
    expect(must(cache.of(moved.series, other), 'a row geometry').strips).toEqual(must(rowGeometry(moved.series, other), 'a row geometry').strips);
    const log = fakeChart(TIMES, { low: 10, high: 100, height: 90, log: true });
    expect(must(cache.of(log.series, GRID), 'a row geometry').strips).toEqual(must(rowGeometry(log.series, GRID), 'a row geometry').strips);
  });
});
