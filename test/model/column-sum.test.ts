import { describe, expect, it } from 'vitest';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { Engine } from '../../src/model/engine';
import { DEFAULT_TIERS, mergeModelOptions, type LeverageTier } from '../../src/model/model-options';
import { createPriceGrid } from '../../src/model/price-grid';
import type { SideBook } from '../../src/model/side-book';
import { HOUR, input } from '../helpers/bars';

/** Forty tiers, each with its own half-life: more decay groups than one int can flag. */
const FORTY_GROUPS: LeverageTier[] = Array.from({ length: 40 }, (_, i) => ({ leverage: 2 + i * 2.4, weight: 1 + (i % 5), halfLifeHours: 6 + i * 3 }));

/** The side's column as whole group vectors added one after another, in group order. */
function groupByGroup(book: SideBook): { column: Float64Array; total: number } {
  const rows = book.grid.rows;
  const column = new Float64Array(rows);
  let total = 0;
  for (let g = 0; g < book.groups; g++) total += book.offGrid[g] * book.scale[g];
  for (let g = 0; g < book.groups; g++) {
    for (let r = 0; r < rows; r++) column[r] += book.mass[g * rows + r] * book.scale[g];
  }
  for (let r = 0; r < rows; r++) total += column[r];
  return { column, total };
}

/** Steps `bars` synthetic hourly bars and checks every column and total against {@link groupByGroup}. */
function expectColumnsAreGroupSums(tiers: readonly LeverageTier[], bars: number) {
  const klines = syntheticKlines(bars, { volatility: 0.02 });
  const low = Math.min(...klines.map((k) => k.low));
  const high = Math.max(...klines.map((k) => k.high));
  const grid = createPriceGrid(low, high, { resolutionPct: 0.5, maxRows: 600, marginPct: 60, tickSize: 0 });
  const engine = new Engine(grid, mergeModelOptions({ tiers, forwardFlowHours: 0 }), HOUR);
  expect(engine.groups.halfLifeMs.length).toBe(new Set(tiers.map((t) => t.halfLifeHours)).size);
  for (const k of klines) {
    const long = new Float64Array(grid.rows);
    const short = new Float64Array(grid.rows);
    const result = engine.step(input(k), long, short, 0);
    const expectedLong = groupByGroup(engine.long);
    const expectedShort = groupByGroup(engine.short);
    expect(long).toEqual(expectedLong.column);
    expect(short).toEqual(expectedShort.column);
    expect(result.longTotal).toBe(expectedLong.total);
    expect(result.shortTotal).toBe(expectedShort.total);
  }
}

describe('heatmap column', () => {
  it('is, bit for bit, the sum of the decay groups added whole one after another (default tiers)', () => {
    expectColumnsAreGroupSums(DEFAULT_TIERS, 400);
  });

  it('is, bit for bit, the sum of the decay groups added whole one after another (forty groups)', () => {
    expectColumnsAreGroupSums(FORTY_GROUPS, 150);
  });
});
