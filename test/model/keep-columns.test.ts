import { describe, expect, it } from 'vitest';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { modelLevels } from '../../src/levels/model-levels';
import { LiquidationModel } from '../../src/model/liquidation-model';
import { columnBytes } from '../helpers/model-columns';

const KLINES = syntheticKlines(1200, { seed: 21 });

function modelOf(keepColumns: number): LiquidationModel {
  const model = new LiquidationModel({ keepColumns });
  model.setData(toKlineSeries(KLINES));
  return model;
}

describe('keepColumns', () => {
  it('keeps the latest columns bit for bit the same as a model that keeps all', () => {
    const all = modelOf(Infinity);
    const kept = modelOf(100);
    expect(kept.oldestColumn).toBe(1100);
    expect(Buffer.compare(columnBytes(kept, 1100, 1200), columnBytes(all, 1100, 1200))).toBe(0);
  });

  it('gives the same latest levels report as a model that keeps all, firstSeen bounded by the oldest kept bar', () => {
    const all = modelOf(Infinity);
    const kept = modelOf(300);
    const last = KLINES[KLINES.length - 1];
    for (const model of [all, kept]) model.update({ ...last, close: last.close * 1.002, high: Math.max(last.high, last.close * 1.002) });
    const oldestTime = kept.klines.openTime[kept.oldestColumn];
    const full = modelLevels(all);
    const bounded = (levels: typeof full.above) => levels.map((l) => ({ ...l, firstSeen: Math.max(l.firstSeen, oldestTime) }));
    expect(modelLevels(kept)).toEqual({ ...full, above: bounded(full.above), below: bounded(full.below), nearestAbove: full.nearestAbove && bounded([full.nearestAbove])[0], nearestBelow: full.nearestBelow && bounded([full.nearestBelow])[0] });
    expect([...full.above, ...full.below].some((l) => l.firstSeen < oldestTime)).toBe(true);
  });

  it('a dropped column is a RangeError naming keepColumns, not a wrong read', () => {
    const kept = modelOf(100);
    expect(() => kept.columnAt(1099)).toThrow(/column 1099 is no longer kept \(keepColumns 100/);
    expect(() => kept.densityAt(0, 10)).toThrow(RangeError);
  });

  it('bounds the memory of a long history', () => {
    const klines = syntheticKlines(60_000, { seed: 22 });
    const series = toKlineSeries(klines);
    const before = process.memoryUsage().arrayBuffers;
    const model = new LiquidationModel({ keepColumns: 1000 });
    model.setData(series);
    const grown = process.memoryUsage().arrayBuffers - before;
    // All 60k columns would be 60k x 500 rows x 8 bytes = 240 MB.
    expect(grown).toBeLessThan(40 * 1024 * 1024);
    expect(model.length).toBe(60_000);
  });

  it('refuses a keepColumns that is not an integer of at least 2', () => {
    expect(() => new LiquidationModel({ keepColumns: 1 })).toThrow(/keepColumns/);
    expect(() => new LiquidationModel({ keepColumns: 2.5 })).toThrow(/keepColumns/);
  });
});
