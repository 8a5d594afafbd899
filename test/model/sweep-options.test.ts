import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/model/engine';
import { mergeModelOptions, type ModelOptions } from '../../src/model/model-options';
import { priceAtRow } from '../../src/model/price-grid';
import { bar, HOUR, input } from '../helpers/bars';
import { gridAround } from '../helpers/grids';

/** Rows of 0.1 %; P(r) is the price at row position r. */
const GRID = gridAround(100, 100, 200);
const P = (r: number) => priceAtRow(GRID, r);
const X = (r: number) => GRID.lnMin + r * GRID.lnStep;
const DECAY = Math.pow(0.5, 1 / 10);

/** One 10x tier with 1 unit per row over rows 60..140 on each side, last bar at hour 0. */
function seeded(options: Partial<ModelOptions>): Engine {
  const engine = new Engine(GRID, mergeModelOptions({ tiers: [{ leverage: 10, weight: 1, halfLifeHours: 10 }], ...options }), HOUR);
  for (let r = 60; r < 140; r++) {
    engine.long.addAt(0, X(r + 0.5), 1);
    engine.short.addAt(0, X(r + 0.5), 1);
  }
  engine.lastTime = bar(0, 1, 1, 1, 1).openTime;
  return engine;
}

function step(engine: Engine, open: number, high: number, low: number, close: number, volume: number) {
  const long = new Float64Array(GRID.rows);
  const short = new Float64Array(GRID.rows);
  engine.step(input(bar(1, P(open), P(high), P(low), P(close), volume)), long, short, 0);
  return { long, short };
}

/** The columns of one bar of new 100x positions on an empty engine. */
function newPositions(options: Partial<ModelOptions>, open: number, high: number, low: number, close: number) {
  const engine = new Engine(GRID, mergeModelOptions({ tiers: [{ leverage: 100, weight: 1, halfLifeHours: 10 }], sweep: 'full', leverageSpread: 1, forwardFlowHours: 0, ...options }), HOUR);
  return step(engine, open, high, low, close, 10);
}

describe('sweepShare: a sweep liquidates only a share of what it reaches', () => {
  it('full rule at sweepShare 0.6 keeps 40 % of the mass at and above the low and all below it', () => {
    const { long, short } = step(seeded({ sweep: 'full', sweepShare: 0.6 }), 100, 104, 96, 101, 0);
    expect(long[95]).toBeCloseTo(DECAY, 10);
    for (let r = 96; r < 140; r++) expect(long[r]).toBeCloseTo(0.4 * DECAY, 10);
    for (let r = 60; r < 104; r++) expect(short[r]).toBeCloseTo(0.4 * DECAY, 10);
    expect(short[104]).toBeCloseTo(DECAY, 10);
  });

  it('wick-partial at sweepShare 0.5 keeps half of the body and three quarters of the wick (wickClear 0.5)', () => {
    const { long } = step(seeded({ sweep: 'wick-partial', sweepShare: 0.5 }), 100, 104, 96, 102, 0);
    for (let r = 96; r < 100; r++) expect(long[r]).toBeCloseTo(0.75 * DECAY, 10);
    for (let r = 100; r < 140; r++) expect(long[r]).toBeCloseTo(0.5 * DECAY, 10);
  });
});

describe('wick-taper rule', () => {
  it('clears the body fully and a wick by a share falling linearly to none at its tip', () => {
    const { long, short } = step(seeded({ sweep: 'wick-taper' }), 100, 104, 96, 102, 0);
    expect(long[95]).toBeCloseTo(DECAY, 10);
    // Long wick rows 96..99 between the low (96) and the body (100): row r keeps (100 - (r + 0.5)) / 4.
    for (let r = 96; r < 100; r++) expect(long[r]).toBeCloseTo(((100 - (r + 0.5)) / 4) * DECAY, 10);
    expect(long[100]).toBe(0);
    // Short wick rows 102..103 between the body (102) and the high (104).
    for (let r = 102; r < 104; r++) expect(short[r]).toBeCloseTo(((r + 0.5 - 102) / 2) * DECAY, 10);
    expect(short[101]).toBe(0);
  });
});

describe('intrabarSweep: a bar liquidates positions it opened that its own path then reached', () => {
  // Green bar 100 -> 98 -> 110 -> 101 (in rows; about 2 + 12 + 9 = 23 rows travelled).
  const green = [100, 110, 98, 101] as const;
  /** Share of a path's travel (in price) done by its first `k` legs. */
  const travelShare = (path: number[], k: number) => {
    const legs = path.slice(1).map((r, i) => Math.abs(P(r) - P(path[i])));
    return legs.slice(0, k).reduce((a, b) => a + b, 0) / legs.reduce((a, b) => a + b, 0);
  };

  it('green bar: new long liquidation prices at or above the close are gone, between the low and the close the share opened after the low remains', () => {
    const off = newPositions({ intrabarSweep: 'off' }, ...green);
    const path = newPositions({ intrabarSweep: 'path' }, ...green);
    // 100x longs lie about 6 rows below their entries (rows 98..110), so at rows 92..104.
    expect(off.long[97]).toBeGreaterThan(0);
    expect(path.long[97]).toBeCloseTo(off.long[97], 12);
    const afterLow = 1 - travelShare([100, 98, 110, 101], 1);
    expect(afterLow).toBeCloseTo(21 / 23, 2);
    for (let r = 98; r < 101; r++) expect(path.long[r]).toBeCloseTo(afterLow * off.long[r], 9);
    for (let r = 101; r < 104; r++) {
      expect(off.long[r]).toBeGreaterThan(0);
      expect(path.long[r]).toBe(0);
    }
  });

  it('green bar: new shorts keep the share opened after the high (about 9/23) up to the high, all beyond it', () => {
    const off = newPositions({ intrabarSweep: 'off' }, ...green);
    const path = newPositions({ intrabarSweep: 'path' }, ...green);
    // 100x shorts lie about 6 rows above their entries, so at rows 104..116.
    const afterHigh = 1 - travelShare([100, 98, 110, 101], 2);
    for (let r = 105; r < 110; r++) expect(path.short[r]).toBeCloseTo(afterHigh * off.short[r], 9);
    expect(path.short[112]).toBeCloseTo(off.short[112], 12);
  });

  it('red bar: new longs opened after the low survive, so every long liquidation price at or above the low keeps that share', () => {
    // 100 -> 102 -> 90 -> 95 (in rows): about 14 of 19 rows travelled come before the low.
    const off = newPositions({ intrabarSweep: 'off' }, 100, 102, 90, 95);
    const path = newPositions({ intrabarSweep: 'path' }, 100, 102, 90, 95);
    const afterLow = 1 - travelShare([100, 102, 90, 95], 2);
    expect(afterLow).toBeCloseTo(5 / 19, 2);
    for (let r = 91; r < 96; r++) expect(path.long[r]).toBeCloseTo(afterLow * off.long[r], 9);
    expect(path.long[89]).toBeCloseTo(off.long[89], 12);
  });

  it('is off by default (cross-validation chose off with the current position model)', () => {
    expect(mergeModelOptions().intrabarSweep).toBe('off');
  });

  it('off: the bar\'s new positions are untouched by its own path', () => {
    const off = newPositions({ intrabarSweep: 'off' }, ...green);
    expect(off.long[101]).toBeGreaterThan(0);
  });
});

describe('validation of the sweep options', () => {
  it('refuses a sweepShare outside (0, 1], naming it', () => {
    expect(() => mergeModelOptions({ sweepShare: 0 })).toThrow(/sweepShare/);
    expect(() => mergeModelOptions({ sweepShare: 1.5 })).toThrow(/sweepShare/);
  });

  it('refuses an unknown intrabarSweep, naming it', () => {
    expect(() => mergeModelOptions({ intrabarSweep: 'bar' as never })).toThrow(/intrabarSweep/);
  });
});
