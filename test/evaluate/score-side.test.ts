import { describe, expect, it } from 'vitest';
import type { LiquidationOrder } from '../../src/evaluate/liquidation-orders';
import { nearPricePrior } from '../../src/evaluate/near-price-prior';
import { scoreSide } from '../../src/evaluate/score-side';
import { priceAtRow, rowPrice } from '../../src/model/price-grid';
import { gridAround } from '../helpers/grids';

/** Rows of 0.1 %: prices below are row positions, P(r). */
const GRID = gridAround(100, 100, 100);
const P = (r: number) => priceAtRow(GRID, r);

function order(price: number, notional: number): LiquidationOrder {
  return { time: 0, symbol: 'ETHUSDT', side: 'long', price, notional, row: 2 };
}

describe('scoring one side', () => {
  const density = new Float64Array(100);
  [95, 96, 97, 98].forEach((r, i) => (density[r] = 10 - i));
  density[85] = 1;
  const orders = [order(P(95.5), 300), order(P(97.2), 100), order(P(85), 600)];

  it('heatmap lift: capture of the hottest 20 % of rows in the traversed range over their share, by USD and by count', () => {
    const s = scoreSide('long', GRID, density, P(100), P(80), P(100), orders, []);
    expect(s.heatmap.rows).toBe(20);
    expect(s.heatmap.taken).toBe(4);
    expect(s.heatmap.capture.usd).toBeCloseTo(0.4, 12);
    expect(s.heatmap.lift.usd).toBeCloseTo(2, 12);
    expect(s.heatmap.capture.count).toBeCloseTo(2 / 3, 12);
    expect(s.heatmap.lift.count).toBeCloseTo(10 / 3, 12);
  });

  it('the near-price prior takes the rows nearest price0 among the same rows', () => {
    const s = scoreSide('long', GRID, density, P(100), P(80), P(100), orders, []);
    expect(s.prior.rows).toBe(20);
    expect(s.prior.taken).toBe(4);
    expect(s.prior.capture.usd).toBeCloseTo(0.1, 12);
    expect(s.prior.lift.usd).toBeCloseTo(0.5, 12);
    expect(s.prior.capture.count).toBeCloseTo(1 / 3, 12);
    expect(s.prior.lift.count).toBeCloseTo(5 / 3, 12);
  });

  it('the prior scores a row by one over its distance to price0 plus one row', () => {
    const price0 = P(50);
    const prior = nearPricePrior(GRID, price0);
    const rowHeight = (r: number) => (rowPrice(GRID, r + 1) - rowPrice(GRID, r - 1)) / 2;
    expect(prior[49]).toBeCloseTo(1 / (price0 - rowPrice(GRID, 49) + rowHeight(49)), 9);
    expect(prior[60]).toBeCloseTo(1 / (rowPrice(GRID, 60) - price0 + rowHeight(60)), 9);
    expect(prior[49]).toBeGreaterThan(prior[60]);
  });

  it('zone lift: capture inside the reported zones over the share of the range they cover', () => {
    const s = scoreSide('long', GRID, density, P(100), P(80), P(100), orders, [{ low: P(94), high: P(99) }]);
    const coverage = (P(99) - P(94)) / (P(100) - P(80));
    expect(s.zones.coverage).toBeCloseTo(coverage, 12);
    expect(s.zones.capture.usd).toBeCloseTo(0.4, 12);
    expect(s.zones.lift?.usd).toBeCloseTo(0.4 / coverage, 12);
    expect(s.zones.lift?.count).toBeCloseTo((2 / 3) / coverage, 12);
  });

  it('zones outside the range cover nothing and have no lift; overlapping zones count once', () => {
    const none = scoreSide('long', GRID, density, P(100), P(80), P(100), [order(P(90), 1)], [{ low: P(10), high: P(20) }]);
    expect(none.zones).toMatchObject({ coverage: 0, capture: { usd: 0, count: 0 }, lift: null });
    const overlap = scoreSide('long', GRID, density, P(100), P(80), P(100), [order(P(90), 1)], [{ low: P(85), high: P(95) }, { low: P(90), high: P(95) }]);
    const coverage = (P(95) - P(85)) / (P(100) - P(80));
    expect(overlap.zones.coverage).toBeCloseTo(coverage, 12);
    expect(overlap.zones.lift?.usd).toBeCloseTo(1 / coverage, 12);
  });
});
