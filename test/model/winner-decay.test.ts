import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { Engine } from '../../src/model/engine';
import { LiquidationModel } from '../../src/model/liquidation-model';
import { liquidationFactor } from '../../src/model/liquidation-price';
import { mergeModelOptions, type LeverageTier, type ModelOptions } from '../../src/model/model-options';
import { priceAtRow } from '../../src/model/price-grid';
import { SideBook } from '../../src/model/side-book';
import { bar, HOUR, input } from '../helpers/bars';
import { gridAround } from '../helpers/grids';

const GRID = gridAround(100, 200, 400);
/** Row `r`'s middle in the engine's own coordinate (log price). */
const X = (r: number) => GRID.lnMin + (r + 0.5) * GRID.lnStep;
const CLOSE = priceAtRow(GRID, 200.5);
const MMR = 0.004;
const TIER_HALF_LIFE = 8;
const WINNER_HALF_LIFE = 2;
const ONE_TIER: LeverageTier[] = [{ leverage: 10, weight: 1, halfLifeHours: TIER_HALF_LIFE }];

/** Fractional row position of the winners' edge at `CLOSE` for leverage `leverage`. */
function edgeRow(leverage: number, side: 'long' | 'short'): number {
  return (Math.log(CLOSE * liquidationFactor(leverage, side, MMR)) - GRID.lnMin) / GRID.lnStep;
}

function engineWith(options: Partial<ModelOptions> = {}): Engine {
  const engine = new Engine(
    GRID,
    mergeModelOptions({ tiers: ONE_TIER, mmr: MMR, pruneRatio: 0, forwardFlowHours: 0, winnerHalfLifeHours: WINNER_HALF_LIFE, ...options }),
    HOUR,
  );
  engine.lastTime = bar(0, 1, 1, 1, 1).openTime;
  return engine;
}

/** A bar at `hour` that trades only at the close, with no volume: it decays and opens nothing. */
function quietBar(engine: Engine, hour: number) {
  const long = new Float64Array(GRID.rows);
  const short = new Float64Array(GRID.rows);
  engine.step(input(bar(hour, CLOSE, CLOSE, CLOSE, CLOSE, 0)), long, short, 0);
  return { long, short };
}

const tierDecay = (hours: number) => Math.pow(0.5, hours / TIER_HALF_LIFE);
const winnerDecay = (hours: number) => Math.pow(0.5, hours / WINNER_HALF_LIFE);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('winners close sooner (winnerHalfLifeHours)', () => {
  it('a long in profit at the close decays faster than a long at a loss of the same tier', () => {
    const edge = edgeRow(10, 'long');
    expect(edge).toBeGreaterThan(60);
    expect(edge).toBeLessThan(140);
    const engine = engineWith();
    engine.long.addAt(0, X(50), 1);
    engine.long.addAt(0, X(150), 1);
    const { long } = quietBar(engine, 1);
    expect(long[50]).toBeCloseTo(tierDecay(1) * winnerDecay(1), 12);
    expect(long[150]).toBeCloseTo(tierDecay(1), 12);
  });

  it('a short in profit at the close decays faster than a short at a loss of the same tier', () => {
    const edge = edgeRow(10, 'short');
    expect(edge).toBeGreaterThan(260);
    expect(edge).toBeLessThan(340);
    const engine = engineWith();
    engine.short.addAt(0, X(350), 1);
    engine.short.addAt(0, X(250), 1);
    const { short } = quietBar(engine, 1);
    expect(short[350]).toBeCloseTo(tierDecay(1) * winnerDecay(1), 12);
    expect(short[250]).toBeCloseTo(tierDecay(1), 12);
  });

  it('the row holding the edge decays by the share of it beyond the edge', () => {
    const longEdge = edgeRow(10, 'long');
    const shortEdge = edgeRow(10, 'short');
    const longRow = Math.floor(longEdge);
    const shortRow = Math.floor(shortEdge);
    const engine = engineWith();
    engine.long.addAt(0, X(longRow), 1);
    engine.short.addAt(0, X(shortRow), 1);
    const { long, short } = quietBar(engine, 1);
    const beyondLong = longEdge - longRow;
    const beyondShort = shortRow + 1 - shortEdge;
    expect(beyondLong).toBeGreaterThan(0.05);
    expect(beyondShort).toBeGreaterThan(0.05);
    expect(long[longRow]).toBeCloseTo(tierDecay(1) * (1 - beyondLong * (1 - winnerDecay(1))), 12);
    expect(short[shortRow]).toBeCloseTo(tierDecay(1) * (1 - beyondShort * (1 - winnerDecay(1))), 12);
  });

  it('follows elapsed time across a gap, as the tier decay does', () => {
    const engine = engineWith();
    engine.long.addAt(0, X(50), 1);
    const { long } = quietBar(engine, 4);
    expect(long[50]).toBeCloseTo(tierDecay(4) * winnerDecay(4), 12);
  });

  it('judges a spread tier\'s rows at the tier\'s own leverage', () => {
    // 10x stands for 7.1x-22.4x here: spread over leverages whose geometric centre is 12.6x.
    const tiers: LeverageTier[] = [
      { leverage: 10, weight: 1, halfLifeHours: TIER_HALF_LIFE },
      { leverage: 5, weight: 1, halfLifeHours: 2 },
      { leverage: 50, weight: 1, halfLifeHours: 1 },
    ];
    const edge = Math.floor(edgeRow(10, 'long'));
    const engine = engineWith({ tiers, leverageSpread: 5 });
    engine.long.addAt(0, X(edge - 1), 1);
    engine.long.addAt(0, X(edge + 1), 1);
    const { long } = quietBar(engine, 1);
    expect(long[edge - 1]).toBeCloseTo(tierDecay(1) * winnerDecay(1), 12);
    expect(long[edge + 1]).toBeCloseTo(tierDecay(1), 12);
  });

  it('also decays a long\'s mass below the grid, all of which is in profit', () => {
    const engine = engineWith();
    engine.long.addAt(0, GRID.lnMin - 1, 1);
    quietBar(engine, 1);
    expect(engine.long.offGridTotal()).toBeCloseTo(tierDecay(1) * winnerDecay(1), 12);
  });

  it('off (the default, Infinity): never runs, so the columns are those of the model without it', () => {
    const scaled = vi.spyOn(SideBook.prototype, 'scaleBeyond');
    const series = toKlineSeries(syntheticKlines(300, { seed: 7, volatility: 0.01 }));
    const off = new LiquidationModel({ rows: 200 });
    off.setData(series);
    expect(off.options().winnerHalfLifeHours).toBe(Infinity);
    expect(scaled).not.toHaveBeenCalled();
    const on = new LiquidationModel({ rows: 200, winnerHalfLifeHours: 24 });
    on.setData(series);
    expect(scaled).toHaveBeenCalled();
  });

  it('must be a number above 0', () => {
    expect(() => mergeModelOptions({ winnerHalfLifeHours: 0 })).toThrow(/^model option winnerHalfLifeHours: must be a number > 0 or Infinity, got 0$/);
    expect(() => mergeModelOptions({ winnerHalfLifeHours: NaN })).toThrow(/winnerHalfLifeHours.*got NaN$/);
  });
});
