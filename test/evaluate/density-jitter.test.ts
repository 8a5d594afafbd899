import { describe, expect, it } from 'vitest';
import { jitterSpread } from '../../src/evaluate/density-jitter';
import type { LiquidationOrder } from '../../src/evaluate/liquidation-orders';
import { scoreSide } from '../../src/evaluate/score-side';
import { summarize } from '../../src/evaluate/evaluation-summary';
import type { Side } from '../../src/model/side';
import { priceAtRow } from '../../src/model/price-grid';
import { gridAround } from '../helpers/grids';
import { windowScore } from './hand-built-scores';

/** Rows of 0.1 %: prices below are row positions, P(r). */
const GRID = gridAround(100, 100, 200);
const P = (r: number) => priceAtRow(GRID, r);

function order(side: Side, row: number, notional: number): LiquidationOrder {
  return { time: 0, symbol: 'ETHUSDT', side, price: P(row + 0.5), notional, row: 2 };
}

/** A density that is `value(r)` on every grid row. */
function density(value: (r: number) => number): Float64Array {
  return Float64Array.from({ length: GRID.rows }, (_, r) => value(r));
}

/**
 * One long side over rows 90-99 (ten rows, two taken): row 98 is clearly hottest, rows 95 and 94 sit at
 * the cut 0.004 % apart (95 ahead), the rest far below. $100 lies in row 98 and $100 in row 94.
 */
function nearTieWindow() {
  const d = density((r) => (r === 98 ? 10 : r === 95 ? 5.0002 : r === 94 ? 5 : 1));
  const side = scoreSide('long', GRID, d, P(100), P(89.6), P(99.6), [order('long', 98, 100), order('long', 94, 100)], []);
  return windowScore('2025-01-01', [side]);
}

describe('the heatmap lift under density jitter', () => {
  it('without near-ties every draw scores the plain lift exactly', () => {
    const falling = density((r) => 1000 - 10 * Math.abs(r - 100));
    const long = scoreSide('long', GRID, falling, P(100), P(79.6), P(99.6), [order('long', 97, 300), order('long', 85, 700)], []);
    const short = scoreSide('short', GRID, falling, P(100), P(100.4), P(120.4), [order('short', 102, 200), order('short', 115, 100)], []);
    const windows = [windowScore('2025-01-01', [long]), windowScore('2025-01-02', [short])];
    const spread = jitterSpread(windows);
    const plain = summarize(windows, { resamples: 0 });
    for (const group of ['long', 'short', 'pooled'] as const) {
      for (const weighting of ['usd', 'count'] as const) {
        const s = spread[group][weighting].heatmapLift;
        expect(s.value).toBe(plain[group][weighting].heatmapLift.value);
        expect([s.min, s.low, s.median, s.high, s.max]).toEqual(Array(5).fill(s.value));
      }
    }
  });

  it('a 20 % cut on two rows within 0.01 % spreads the lift over both outcomes', () => {
    // Row 95 taken: $100 of $200 in 2 of 10 rows, lift 0.5 / 0.2 = 2.5. Row 94 taken: all of it, lift 5.
    const s = jitterSpread([nearTieWindow()]).pooled;
    expect(s.usd.heatmapLift.value).toBeCloseTo(2.5, 12);
    expect(s.usd.heatmapLift.min).toBeCloseTo(2.5, 12);
    expect(s.usd.heatmapLift.max).toBeCloseTo(5, 12);
    expect(s.count.heatmapLift.min).toBeCloseTo(2.5, 12);
    expect(s.count.heatmapLift.max).toBeCloseTo(5, 12);
  });

  it('the same seed gives the same spread', () => {
    const windows = [nearTieWindow()];
    const first = jitterSpread(windows, { seed: 7, draws: 9 });
    expect(jitterSpread(windows, { seed: 7, draws: 9 })).toEqual(first);
    expect(first.pooled.usd.heatmapLift.min).not.toBe(first.pooled.usd.heatmapLift.max);
  });

  it('a side score not made by scoreSide cannot be re-ranked and says so', () => {
    const side = { ...nearTieWindow().sides[0] };
    expect(() => jitterSpread([windowScore('2025-01-01', [side])])).toThrow(/long side score of \[.*\] has no rows to re-rank/);
  });
});
