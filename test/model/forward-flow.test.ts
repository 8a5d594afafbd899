import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/model/engine';
import { liquidationFactor } from '../../src/model/liquidation-price';
import { mergeModelOptions, type ModelOptions } from '../../src/model/model-options';
import { rowOf } from '../../src/model/price-grid';
import { bar, HOUR, input } from '../helpers/bars';
import { gridAround } from '../helpers/grids';

const GRID = gridAround(100, 300, 600);
const ONE_TIER = [{ leverage: 100, weight: 1, halfLifeHours: 12 }];

function engineWith(options: Partial<ModelOptions>): Engine {
  return new Engine(GRID, mergeModelOptions({ tiers: ONE_TIER, pruneRatio: 0, sideSplit: 'even', ...options }), HOUR);
}

/** Steps `count` hourly bars of `range` (high/low as a factor around 100) and `volume`; returns the last columns. */
function run(engine: Engine, count: number, range = 1, volume = 10) {
  const long = new Float64Array(GRID.rows);
  const short = new Float64Array(GRID.rows);
  let result = engine.step(input(bar(0, 100, 100 * range, 100 / range, 100, volume)), long, short, 0);
  for (let i = 1; i < count; i++) {
    long.fill(0);
    short.fill(0);
    result = engine.step(input(bar(i, 100, 100 * range, 100 / range, 100, volume)), long, short, 0);
  }
  return { long, short, longTotal: result.longTotal, shortTotal: result.shortTotal };
}

const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('forward flow', () => {
  it('adds turnoverShare × the recent turnover rate × the horizon to a column, half to each side', () => {
    const without = run(engineWith({ forwardFlowHours: 0 }), 30);
    const withFlow = run(engineWith({ forwardFlowHours: 2 }), 30);
    const expected = (0.1 * 10 * 100 * 2) / 2;
    expect(withFlow.longTotal - without.longTotal).toBeCloseTo(expected, 6);
    expect(withFlow.shortTotal - without.shortTotal).toBeCloseTo(expected, 6);
    expect(sum(withFlow.short) - sum(without.short)).toBeCloseTo(expected, 6);
  });

  it('places the flow at each tier’s liquidation distance from the close when the market stands still', () => {
    const live = run(engineWith({ forwardFlowHours: 0 }), 1);
    const { long, short } = run(engineWith({ forwardFlowHours: 2 }), 1);
    const shortRow = rowOf(GRID, 100 * liquidationFactor(100, 'short', 0.004));
    const longRow = rowOf(GRID, 100 * liquidationFactor(100, 'long', 0.004));
    expect(short[shortRow] - live.short[shortRow]).toBeCloseTo(100, 6);
    expect(long[longRow] - live.long[longRow]).toBeCloseTo(100, 6);
  });

  it('spreads the entries by the recent volatility over the horizon: a triangle of half-width √(3·σ²·H)', () => {
    const range = 1.005;
    const { short } = run(engineWith({ forwardFlowHours: 4 }), 40, range, 10);
    const live = run(engineWith({ forwardFlowHours: 0 }), 40, range, 10).short;
    const flow = short.map((v, r) => v - live[r]);
    const variancePerHour = Math.log(range * range) ** 2 / (4 * Math.LN2);
    const halfWidth = Math.sqrt(3 * variancePerHour * 4);
    const centre = 100 * liquidationFactor(100, 'short', 0.004);
    const outside = flow.filter((v, r) => v > 1e-9 && (r < rowOf(GRID, centre * Math.exp(-halfWidth)) || r > rowOf(GRID, centre * Math.exp(halfWidth))));
    expect(outside).toHaveLength(0);
    expect(flow[rowOf(GRID, centre * Math.exp(-0.8 * halfWidth))]).toBeGreaterThan(0);
    expect(flow[rowOf(GRID, centre * Math.exp(0.8 * halfWidth))]).toBeGreaterThan(0);
  });

  it('leaves the state alone: the live mass after each bar is the same with and without it', () => {
    const plain = engineWith({ forwardFlowHours: 0 });
    const flowing = engineWith({ forwardFlowHours: 6 });
    run(plain, 12, 1.004);
    run(flowing, 12, 1.004);
    expect(flowing.long.total()).toBe(plain.long.total());
    expect(flowing.short.total()).toBe(plain.short.total());
  });

  it('a copied engine carries the recent rate and volatility, so a forming column matches a closed one', () => {
    const engine = engineWith({ forwardFlowHours: 2 });
    run(engine, 5, 1.003);
    const copy = engineWith({ forwardFlowHours: 2 });
    copy.copyFrom(engine);
    const next = input(bar(5, 100, 100.4, 99.7, 100.1, 20));
    const a = new Float64Array(GRID.rows);
    const b = new Float64Array(GRID.rows);
    engine.step(next, a, new Float64Array(GRID.rows), 0);
    copy.step(next, b, new Float64Array(GRID.rows), 0);
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});

describe('side split', () => {
  const firstBar = (sideSplit: ModelOptions['sideSplit']) => {
    const engine = new Engine(GRID, mergeModelOptions({ tiers: ONE_TIER, sideSplit, forwardFlowHours: 0 }), HOUR);
    return engine.step(input(bar(0, 99, 101, 99, 101, 10)), new Float64Array(GRID.rows), new Float64Array(GRID.rows), 0);
  };

  it('bar: a green bar opens more longs than shorts', () => {
    const result = firstBar('bar');
    expect(result.longTotal / result.shortTotal).toBeCloseTo(0.75 / 0.25, 6);
  });

  it('even: half long, half short, whatever the bar did', () => {
    const result = firstBar('even');
    expect(result.longTotal).toBeCloseTo(result.shortTotal, 6);
  });
});

describe('options of these mechanisms', () => {
  it('refuse values out of range, naming the option', () => {
    expect(() => mergeModelOptions({ forwardFlowHours: -1 })).toThrow(/^model option forwardFlowHours: must be a number in \[0, 168\], got -1$/);
    expect(() => mergeModelOptions({ leverageSpread: 2.5 })).toThrow(/^model option leverageSpread: must be an integer, got 2.5$/);
    expect(() => mergeModelOptions({ leverageSpread: 0 })).toThrow(/^model option leverageSpread: must be a number in \[1, 9\], got 0$/);
    expect(() => mergeModelOptions({ sideSplit: 'taker' as ModelOptions['sideSplit'] })).toThrow(/^model option sideSplit: one of bar, even; got taker$/);
  });
});
