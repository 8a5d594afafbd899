import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/model/engine';
import { mergeModelOptions, type ModelOptions } from '../../src/model/model-options';
import { priceAtRow } from '../../src/model/price-grid';
import { bar, HOUR, input } from '../helpers/bars';
import { gridAround } from '../helpers/grids';

/** Rows of 0.1 %; prices below are written as row positions: P(r) is the price at row position r. */
const GRID = gridAround(100, 100, 200);
const P = (r: number) => priceAtRow(GRID, r);
/** Row position `r` in the engine's own coordinate (log price). */
const X = (r: number) => GRID.lnMin + r * GRID.lnStep;
const HALF_LIFE_H = 10;
const DECAY = Math.pow(0.5, 1 / HALF_LIFE_H);

/** An engine with one tier whose long and short books hold 1 unit per row over 60..140, last bar at hour 0. */
function seeded(options: Partial<ModelOptions>): Engine {
  const engine = new Engine(GRID, mergeModelOptions({ tiers: [{ leverage: 10, weight: 1, halfLifeHours: HALF_LIFE_H }], ...options }), HOUR);
  for (let r = 60; r < 140; r++) {
    engine.long.addAt(0, X(r + 0.5), 1);
    engine.short.addAt(0, X(r + 0.5), 1);
  }
  engine.lastTime = bar(0, 1, 1, 1, 1).openTime;
  return engine;
}

/** Steps a zero-volume bar (nothing added) and returns the long and short columns. */
function sweepWith(engine: Engine, open: number, high: number, low: number, close: number, mark?: [number, number]) {
  const long = new Float64Array(GRID.rows);
  const short = new Float64Array(GRID.rows);
  const extra = mark ? { markHigh: P(mark[0]), markLow: P(mark[1]) } : {};
  const result = engine.step(input(bar(1, P(open), P(high), P(low), P(close), 0), extra), long, short, 0);
  return { long, short, result };
}

describe('sweep clearing', () => {
  it('full rule: clears long mass at and above the low and short mass at and below the high, nothing else', () => {
    const { long, short } = sweepWith(seeded({ sweep: 'full' }), 100, 104.5, 95.5, 101);
    for (let r = 60; r < 140; r++) {
      const keptLong = r >= 96 ? 0 : r === 95 ? 0.5 : 1;
      const keptShort = r <= 103 ? 0 : r === 104 ? 0.5 : 1;
      expect(long[r]).toBeCloseTo(keptLong * DECAY, 10);
      expect(short[r]).toBeCloseTo(keptShort * DECAY, 10);
    }
  });

  it('body rule: clears only the body range, wicks untouched', () => {
    const { long, short } = sweepWith(seeded({ sweep: 'body' }), 100, 104.5, 95.5, 102);
    expect(long[99]).toBeCloseTo(DECAY, 10);
    expect(long[100]).toBe(0);
    expect(short[101]).toBe(0);
    expect(short[102]).toBeCloseTo(DECAY, 10);
  });

  it('wick-partial rule: clears the body fully and keeps (1 - wickClear) of the wick', () => {
    const { long, short, result } = sweepWith(seeded({ sweep: 'wick-partial', wickClear: 0.75 }), 100, 104, 96, 102);
    expect(result.rule).toBe('wick-partial');
    expect(long[95]).toBeCloseTo(DECAY, 10);
    for (let r = 96; r < 100; r++) expect(long[r]).toBeCloseTo(0.25 * DECAY, 10);
    expect(long[100]).toBe(0);
    expect(short[101]).toBe(0);
    for (let r = 102; r < 104; r++) expect(short[r]).toBeCloseTo(0.25 * DECAY, 10);
    expect(short[104]).toBeCloseTo(DECAY, 10);
  });

  it('mark-price klines take over the sweep: cleared fully between mark low and mark high', () => {
    const { long, short, result } = sweepWith(seeded({ sweep: 'full' }), 100, 110, 90, 101, [103, 98]);
    expect(result.rule).toBe('mark');
    expect(long[97]).toBeCloseTo(DECAY, 10);
    expect(long[98]).toBe(0);
    expect(short[102]).toBe(0);
    expect(short[103]).toBeCloseTo(DECAY, 10);
  });

  it('reports the swept zone with its extent, peak and cleared mass', () => {
    const engine = seeded({ sweep: 'full' });
    const { result } = sweepWith(engine, 100, 100, 90, 100);
    expect(result.longSwept).toBe(true);
    expect(engine.long.swept.low).toBeCloseTo(X(90), 10);
    expect(engine.long.swept.high).toBeCloseTo(X(140), 10);
    expect(engine.long.swept.notional).toBeCloseTo(50 * DECAY, 9);
  });

  it('order is decay, clear, add: the bar\'s own new positions survive its sweep (intrabarSweep off)', () => {
    const engine = new Engine(GRID, mergeModelOptions({ tiers: [{ leverage: 100, weight: 1, halfLifeHours: 10 }], sweep: 'full', intrabarSweep: 'off' }), HOUR);
    const long = new Float64Array(GRID.rows);
    const short = new Float64Array(GRID.rows);
    engine.step(input(bar(0, P(100), P(110), P(90), P(100), 10)), long, short, 0);
    // 100x long liquidation prices of entries in rows 90..110 lie 0.6 % (6 rows) lower: rows 90..103 lie
    // above the bar's low, so they would be empty had the clear come after the add.
    expect(long[95]).toBeGreaterThan(0);
    expect(long[100]).toBeGreaterThan(0);
  });
});
