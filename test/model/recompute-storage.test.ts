import { describe, expect, it } from 'vitest';
import type { Kline } from '../../src/klines/kline';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { LiquidationModel } from '../../src/model/liquidation-model';
import { gridOf } from '../helpers/grids';
import { columnBytes } from '../helpers/model-columns';

const ROWS = 200;
const FIRST = syntheticKlines(1500, { seed: 3, volatility: 0.02 });
/** The first history's bars in reverse order: the same price range (so the same grid and storage), other mass. */
const SECOND: Kline[] = FIRST.map((k, i) => ({ ...FIRST[FIRST.length - 1 - i], openTime: k.openTime, closeTime: k.closeTime }));

/** The second history's next bars, one interval apart, inside its price range. */
function nextBars(count: number): Kline[] {
  const last = SECOND[SECOND.length - 1];
  const interval = last.openTime - SECOND[SECOND.length - 2].openTime;
  return Array.from({ length: count }, (_, i) => ({ ...last, openTime: last.openTime + (i + 1) * interval, closed: true }));
}

/** A model that computed the first history, then the second (its storage reused), then `extra` closed bars. */
function afterFirst(keepColumns: number, extra: Kline[]): LiquidationModel {
  const model = new LiquidationModel({ rows: ROWS, keepColumns });
  model.setData(toKlineSeries(FIRST));
  // Columns are built when read: read them all, so the storage the second history reuses holds values.
  columnBytes(model, model.oldestColumn);
  model.setData(toKlineSeries(SECOND));
  for (const k of extra) model.update(k);
  return model;
}

function fresh(keepColumns: number, extra: Kline[]): LiquidationModel {
  const model = new LiquidationModel({ rows: ROWS, keepColumns });
  model.setData(toKlineSeries(SECOND));
  for (const k of extra) model.update(k);
  return model;
}

describe('recompute storage', () => {
  it('a recompute over other bars keeps nothing of the previous ones, bit for bit', () => {
    const extra = nextBars(250);
    const reused = afterFirst(Infinity, extra);
    const clean = fresh(Infinity, extra);
    expect(gridOf(reused)).toEqual(gridOf(clean));
    expect(reused.length).toBe(SECOND.length + extra.length);
    expect(Buffer.compare(columnBytes(reused), columnBytes(clean))).toBe(0);
  });

  it('a recompute over other bars keeps nothing of the previous ones with keepColumns, bit for bit', () => {
    const extra = nextBars(250);
    const reused = afterFirst(1600, extra);
    const clean = fresh(1600, extra);
    expect(reused.oldestColumn).toBe(clean.oldestColumn);
    expect(Buffer.compare(columnBytes(reused, reused.oldestColumn), columnBytes(clean, clean.oldestColumn))).toBe(0);
  });
});
