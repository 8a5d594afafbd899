import { describe, expect, it } from 'vitest';
import { crossValidateDays } from '../../src/evaluate/cross-validate';
import type { LiquidationOrder } from '../../src/evaluate/liquidation-orders';
import { scoreSide } from '../../src/evaluate/score-side';
import type { WindowScore } from '../../src/evaluate/window-score';
import { priceAtRow } from '../../src/model/price-grid';
import { gridAround } from '../helpers/grids';
import { windowScore } from './hand-built-scores';

/** Rows of 0.1 %: prices below are row positions, P(r). */
const GRID = gridAround(100, 100, 200);
const P = (r: number) => priceAtRow(GRID, r);
const DAYS = ['2025-01-01', '2025-01-02', '2025-01-03'];
const SETTINGS = [{ 'model.sweep': 'wick-partial' }, { 'model.sweep': 'body' }];

function order(row: number, notional: number): LiquidationOrder {
  return { time: 0, symbol: 'ETHUSDT', side: 'long', price: P(row + 0.5), notional, row: 2 };
}

/** A long side over rows 90-99 (ten rows, the top two taken) with `density(r)` on every row. */
function window(day: string, density: (r: number) => number, orders: LiquidationOrder[]): WindowScore {
  const d = Float64Array.from({ length: GRID.rows }, (_, r) => density(r));
  return windowScore(day, [scoreSide('long', GRID, d, P(100), P(89.6), P(99.6), orders, [])]);
}

/**
 * Lift 5 as scored, by a hair: row 94 beats row 95 by 0.004 % of density for the second hot row, and
 * the $100 in row 94 is caught; under ±0.1 % jitter about half the draws take row 95 instead (lift 2.5).
 */
const nearTie = (day: string) => window(day, (r) => (r === 98 ? 10 : r === 94 ? 5.0002 : r === 95 ? 5 : 1), [order(98, 100), order(94, 100)]);
/** Lift 4 whatever the jitter: rows 98 and 97 stand clear, $80 of $100 in row 98. */
const clear = (day: string) => window(day, (r) => (r === 98 ? 10 : r === 97 ? 8 : 1), [order(98, 80), order(90, 20)]);

describe('cross-validation that chooses by the lift under density jitter', () => {
  const scores = [DAYS.map(nearTie), DAYS.map(clear)];

  it('by the lift as scored, every fold chooses the setting that won its near-ties', () => {
    const cv = crossValidateDays(SETTINGS, scores);
    expect(cv.folds.map((f) => f.chosen)).toEqual([0, 0, 0]);
  });

  it('by the median under jitter, every fold chooses the setting whose lift does not hang on a near-tie', () => {
    const cv = crossValidateDays(SETTINGS, scores, {}, { by: 'jitter' });
    expect(cv.folds.map((f) => f.chosen)).toEqual([1, 1, 1]);
    expect(cv.selection).toEqual({ by: 'jitter' });
  });

  it('scores the held-out day as scored, unjittered', () => {
    const cv = crossValidateDays(SETTINGS, scores, {}, { by: 'jitter' });
    for (const f of cv.folds) expect(f.heatmapLift).toBeCloseTo(4, 12);
  });

  it('with every lift clear of ties, chooses as the plain selection does', () => {
    const steady = [DAYS.map(clear), DAYS.map((day) => window(day, (r) => (r === 98 ? 10 : r === 97 ? 8 : 1), [order(98, 50), order(90, 50)]))];
    const plain = crossValidateDays(SETTINGS, steady);
    const jittered = crossValidateDays(SETTINGS, steady, {}, { by: 'jitter' });
    expect(jittered.folds.map((f) => f.chosen)).toEqual(plain.folds.map((f) => f.chosen));
    expect(plain.folds.map((f) => f.chosen)).toEqual([0, 0, 0]);
  });
});
