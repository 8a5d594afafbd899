import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/model/engine';
import { mergeModelOptions } from '../../src/model/model-options';
import { priceAtRow } from '../../src/model/price-grid';
import { bar, HOUR, input } from '../helpers/bars';
import { gridAround } from '../helpers/grids';

const GRID = gridAround(100, 200, 400);
/** Row `r`'s middle in the engine's own coordinate (log price). */
const X = (r: number) => GRID.lnMin + (r + 0.5) * GRID.lnStep;
const PRICE = priceAtRow(GRID, 200.5);

/** Two tiers with different half-lives, each seeded with 1 unit in its own region far from price. */
function twoTiers() {
  const engine = new Engine(
    GRID,
    mergeModelOptions({
      tiers: [
        { leverage: 5, weight: 1, halfLifeHours: 2 },
        { leverage: 50, weight: 1, halfLifeHours: 8 },
      ],
    }),
    HOUR,
  );
  engine.long.addAt(0, X(10), 1);
  engine.long.addAt(1, X(20), 1);
  engine.short.addAt(0, X(390), 1);
  engine.short.addAt(1, X(380), 1);
  engine.lastTime = bar(0, 1, 1, 1, 1).openTime;
  return engine;
}

function quietBar(engine: Engine, hour: number) {
  const long = new Float64Array(GRID.rows);
  const short = new Float64Array(GRID.rows);
  engine.step(input(bar(hour, PRICE, PRICE, PRICE, PRICE, 0)), long, short, 0);
  return { long, short };
}

describe('decay', () => {
  it('each tier decays by its own half-life per bar', () => {
    const { long, short } = quietBar(twoTiers(), 1);
    expect(long[10]).toBeCloseTo(Math.pow(0.5, 1 / 2), 12);
    expect(long[20]).toBeCloseTo(Math.pow(0.5, 1 / 8), 12);
    expect(short[390]).toBeCloseTo(Math.pow(0.5, 1 / 2), 12);
    expect(short[380]).toBeCloseTo(Math.pow(0.5, 1 / 8), 12);
  });

  it('decay follows elapsed time across a gap, not the bar count', () => {
    const { long } = quietBar(twoTiers(), 4);
    expect(long[10]).toBeCloseTo(Math.pow(0.5, 4 / 2), 12);
    expect(long[20]).toBeCloseTo(Math.pow(0.5, 4 / 8), 12);
  });

  it('high leverage lives shorter than low leverage in the default tiers', () => {
    const tiers = mergeModelOptions().tiers;
    for (let i = 1; i < tiers.length; i++) {
      expect(tiers[i].leverage).toBeGreaterThan(tiers[i - 1].leverage);
      expect(tiers[i].halfLifeHours).toBeLessThanOrEqual(tiers[i - 1].halfLifeHours);
    }
  });

  it('thousands of bars of decay neither underflow nor lose the relative mass of the tiers', () => {
    const engine = twoTiers();
    let out = quietBar(engine, 1);
    for (let h = 2; h <= 3000; h++) out = quietBar(engine, h);
    expect(out.long[20] / Math.pow(0.5, 3000 / 8)).toBeCloseTo(1, 9);
    expect(out.long[10]).toBe(0);
  });
});
