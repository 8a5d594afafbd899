import { describe, expect, it } from 'vitest';
import { toKlineSeries } from '../../src/klines/to-series';
import { Engine } from '../../src/model/engine';
import { LiquidationModel } from '../../src/model/liquidation-model';
import { mergeModelOptions } from '../../src/model/model-options';
import { modelLevels } from '../../src/levels/model-levels';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { bar, HOUR, input } from '../helpers/bars';
import { gridAround } from '../helpers/grids';

const GRID = gridAround(100, 200, 400);
const HALF_LIFE_H = 5;
const DECAY = Math.pow(0.5, 1 / HALF_LIFE_H);

function afterTwoBars(secondOpenInterest: number) {
  const engine = new Engine(GRID, mergeModelOptions({ tiers: [{ leverage: 100, weight: 1, halfLifeHours: HALF_LIFE_H }], turnoverShare: 0.1, pruneRatio: 0, forwardFlowHours: 0 }), HOUR);
  const long = new Float64Array(GRID.rows);
  const short = new Float64Array(GRID.rows);
  const first = engine.step(input(bar(0, 100, 100.5, 99.5, 100, 50), { openInterest: 1000 }), long, short, 0);
  const before = first.longTotal + first.shortTotal;
  const second = engine.step(input(bar(1, 100, 100, 100, 100, 0), { openInterest: secondOpenInterest }), long, short, 0);
  return { before, after: second.longTotal + second.shortTotal };
}

describe('open interest', () => {
  it('a rise adds the increase as new positions', () => {
    const { before, after } = afterTwoBars(1500);
    expect(after).toBeCloseTo(before * DECAY + 500, 6);
  });

  it('a fall reduces every live position in proportion', () => {
    const { before, after } = afterTwoBars(500);
    expect(after).toBeCloseTo(before * DECAY * 0.5, 6);
  });

  it('scales each column so long plus short sums to the open-interest value, in USD', () => {
    const klines = syntheticKlines(200, { price: 100, volatility: 0.002 });
    const openInterest = klines.map((k, i) => ({ timestamp: k.openTime + HOUR, sumOpenInterestValue: 1e6 + i * 1000 }));
    const model = new LiquidationModel({ tiers: [{ leverage: 100, weight: 1, halfLifeHours: 24 }], marginPct: 1 });
    model.setData(toKlineSeries(klines), { openInterest, lastBarForming: false });
    expect(model.unit).toBe('usd');
    for (const i of [10, 100, 199]) {
      const { long, short, scale } = model.columnAt(i);
      let sum = 0;
      for (let r = 0; r < long.length; r++) sum += long[r] + short[r];
      expect((sum * scale) / (1e6 + i * 1000)).toBeCloseTo(1, 4);
    }
    expect(modelLevels(model).unit).toBe('usd');
  });

  it('columns before the first open-interest point use the first known scale', () => {
    const klines = syntheticKlines(100, { price: 100, volatility: 0.002 });
    const openInterest = klines.slice(50).map((k) => ({ timestamp: k.openTime + HOUR, sumOpenInterestValue: 2e6 }));
    const model = new LiquidationModel();
    model.setData(toKlineSeries(klines), { openInterest });
    const scale = (i: number) => model.columnAt(i).scale;
    for (let i = 0; i < 50; i++) expect(scale(i)).toBe(scale(50));
    expect(scale(50)).not.toBe(1);
  });

  it('without open interest the unit is relative heat', () => {
    const model = new LiquidationModel();
    model.setData(toKlineSeries(syntheticKlines(50)));
    expect(model.unit).toBe('heat');
  });

  it('rejects an open-interest point that is not a number, naming row and field', () => {
    const model = new LiquidationModel();
    expect(() => model.setData(toKlineSeries(syntheticKlines(5)), { openInterest: [{ timestamp: 1, sumOpenInterestValue: Number.NaN }] })).toThrow(
      /row 1, field sumOpenInterestValue/,
    );
  });

  it("accepts Binance's own openInterestHist rows, numeric strings and symbol included, as the numbers they spell", () => {
    const klines = syntheticKlines(50, { price: 100, volatility: 0.002 });
    const rows = klines.map((k, i) => ({ symbol: 'BTCUSDT', sumOpenInterest: `${80000 + i}.0`, sumOpenInterestValue: `${8e9 + i * 1e6}.5`, timestamp: k.openTime + HOUR }));
    const numbers = klines.map((k, i) => ({ timestamp: k.openTime + HOUR, sumOpenInterestValue: 8e9 + i * 1e6 + 0.5 }));
    const fromRows = new LiquidationModel();
    fromRows.setData(toKlineSeries(klines), { openInterest: rows });
    const fromNumbers = new LiquidationModel();
    fromNumbers.setData(toKlineSeries(klines), { openInterest: numbers });
    expect(fromRows.unit).toBe('usd');
    expect(fromRows.columnAt(49).scale).toBe(fromNumbers.columnAt(49).scale);
  });

  it('setOpenInterest takes the same raw rows', () => {
    const klines = syntheticKlines(20, { price: 100, volatility: 0.002 });
    const model = new LiquidationModel();
    model.setData(toKlineSeries(klines));
    model.setOpenInterest([{ symbol: 'BTCUSDT', sumOpenInterest: '80000.0', sumOpenInterestValue: '8000000000.5', timestamp: klines[0].openTime }]);
    expect(model.unit).toBe('usd');
  });

  it('a refused value is named with what it got, and the model keeps its open interest', () => {
    const model = new LiquidationModel();
    model.setData(toKlineSeries(syntheticKlines(5)));
    expect(() => model.setOpenInterest([{ timestamp: 1, sumOpenInterestValue: 'abc' }])).toThrow(
      new RangeError("open interest, row 1, field sumOpenInterestValue: not a number >= 0, got 'abc'"),
    );
    expect(() => model.setOpenInterest([{ timestamp: 1, sumOpenInterestValue: '1' }, { timestamp: '0x10', sumOpenInterestValue: 1 }])).toThrow(
      new RangeError("open interest, row 2, field timestamp: not a finite number, got '0x10'"),
    );
    expect(() => model.setOpenInterest([{ timestamp: 1, sumOpenInterestValue: '-5' }])).toThrow(/field sumOpenInterestValue: not a number >= 0, got '-5'$/);
    expect(model.unit).toBe('heat');
  });
});
