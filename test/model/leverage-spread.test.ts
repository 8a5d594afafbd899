import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/model/engine';
import { spreadTiers } from '../../src/model/leverage-spread';
import { mergeModelOptions, type LeverageTier } from '../../src/model/model-options';
import { bar, HOUR, input } from '../helpers/bars';
import { gridAround } from '../helpers/grids';

const TIERS: LeverageTier[] = [
  { leverage: 10, weight: 0.5, halfLifeHours: 48 },
  { leverage: 25, weight: 0.3, halfLifeHours: 24 },
  { leverage: 50, weight: 0.2, halfLifeHours: 12 },
];

describe('leverage spread', () => {
  it('count 1 leaves the tiers as they are', () => {
    expect(spreadTiers(TIERS, 1)).toEqual(TIERS);
  });

  it('each tier becomes count leverages with an equal share of its weight and its half-life', () => {
    const spread = spreadTiers(TIERS, 4);
    expect(spread).toHaveLength(12);
    expect(spread.slice(4, 8).map((t) => t.weight)).toEqual([0.075, 0.075, 0.075, 0.075]);
    expect(spread.slice(4, 8).every((t) => t.halfLifeHours === 24)).toBe(true);
    expect(spread.reduce((sum, t) => sum + t.weight, 0)).toBeCloseTo(1, 12);
  });

  it("a tier's leverages fill the span between the geometric midpoints with its neighbours, evenly in log leverage", () => {
    const middle = spreadTiers(TIERS, 2).slice(2, 4).map((t) => Math.log(t.leverage));
    const low = Math.log(Math.sqrt(10 * 25));
    const high = Math.log(Math.sqrt(25 * 50));
    expect(middle[0]).toBeCloseTo(low + 0.25 * (high - low), 12);
    expect(middle[1]).toBeCloseTo(low + 0.75 * (high - low), 12);
  });

  it("the highest tier mirrors its neighbour's ratio upwards (50x next to 25x spans up to 70.7x)", () => {
    const top = spreadTiers(TIERS, 1000).slice(2000);
    expect(Math.min(...top.map((t) => t.leverage))).toBeCloseTo(Math.sqrt(25 * 50), 1);
    expect(Math.max(...top.map((t) => t.leverage))).toBeCloseTo(50 * Math.sqrt(2), 1);
  });

  it('the lowest tier never reaches below the square root of its leverage, so every leverage stays above 1', () => {
    const spread = spreadTiers([{ leverage: 1.5, weight: 1, halfLifeHours: 1 }, { leverage: 100, weight: 1, halfLifeHours: 1 }], 3);
    expect(Math.min(...spread.map((t) => t.leverage))).toBeGreaterThanOrEqual(Math.sqrt(1.5));
  });

  it('a single tier keeps its leverage', () => {
    expect(spreadTiers([TIERS[0]], 5)).toEqual([TIERS[0]]);
  });

  it("the engine spreads a point-like bar's liquidations over the tier's span instead of one band", () => {
    const grid = gridAround(100, 300, 400);
    const bands = (leverageSpread: number) => {
      const engine = new Engine(grid, mergeModelOptions({ tiers: TIERS, leverageSpread, sideSplit: 'even' }), HOUR);
      const long = new Float64Array(grid.rows);
      engine.step(input(bar(0, 100, 100, 100, 100, 10)), long, new Float64Array(grid.rows), 0);
      return long.filter((v) => v > 0).length;
    };
    expect(bands(1)).toBeLessThanOrEqual(6);
    expect(bands(5)).toBeGreaterThanOrEqual(15);
  });
});
