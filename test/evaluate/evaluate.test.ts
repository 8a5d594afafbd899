import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateModel, poolScores, type WindowScore } from '../../src/evaluate/evaluate-model';
import { groupWindows, LiquidationFileError, parseLiquidationCsv, type LiquidationOrder } from '../../src/evaluate/liquidation-orders';
import { scoreSide, type SideScore } from '../../src/evaluate/score-side';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { parseKlines } from '../../src/klines/parse-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { sharedFile } from '../helpers/shared-data';
import { gridAround } from '../helpers/grids';
import { priceAtRow } from '../../src/model/price-grid';

/** Rows of 0.1 %: prices in the scoring tests are row positions, P(r). */
const GRID = gridAround(100, 100, 100);
const P = (r: number) => priceAtRow(GRID, r);
const HOUR = 3_600_000;

function order(price: number, notional: number, side: 'long' | 'short' = 'long', time = 0): LiquidationOrder {
  return { time, symbol: 'ETHUSDT', side, price, notional, row: 2 };
}

describe('scoring one side', () => {
  const density = new Float64Array(100);
  [95, 96, 97, 98].forEach((r, i) => (density[r] = 10 - i));
  density[85] = 1;

  it('heatmap lift: capture of the hottest 20 % of rows in the traversed range, over their share', () => {
    const s = scoreSide('long', GRID, density, P(100), P(80), P(100), [order(P(95.5), 300), order(P(97.2), 100), order(P(85), 600)], []);
    expect(s.heatmap).toEqual({ rows: 20, taken: 4, capture: 0.4, lift: 2 });
  });

  it('zone lift: capture inside the reported zones over the share of the range they cover', () => {
    const s = scoreSide('long', GRID, density, P(100), P(80), P(100), [order(P(95.5), 300), order(P(97.2), 100), order(P(85), 600)], [{ low: P(94), high: P(99) }]);
    const coverage = (P(99) - P(94)) / (P(100) - P(80));
    expect(s.zones.coverage).toBeCloseTo(coverage, 12);
    expect(s.zones.capture).toBeCloseTo(0.4, 12);
    expect(s.zones.lift).toBeCloseTo(0.4 / coverage, 12);
  });

  it('zones outside the range cover nothing and have no lift; overlapping zones count once', () => {
    const none = scoreSide('long', GRID, density, P(100), P(80), P(100), [order(P(90), 1)], [{ low: P(10), high: P(20) }]);
    expect(none.zones).toMatchObject({ coverage: 0, capture: 0, lift: null });
    const overlap = scoreSide('long', GRID, density, P(100), P(80), P(100), [order(P(90), 1)], [{ low: P(85), high: P(95) }, { low: P(90), high: P(95) }]);
    const coverage = (P(95) - P(85)) / (P(100) - P(80));
    expect(overlap.zones.coverage).toBeCloseTo(coverage, 12);
    expect(overlap.zones.lift).toBeCloseTo(1 / coverage, 12);
  });

  it('pooling weights each side by its number of orders', () => {
    const side = (lift: number, orders: number) => ({ orders, heatmap: { lift, capture: lift / 5 }, zones: { lift: null, coverage: 0, capture: 0 } }) as unknown as SideScore;
    const windows = [{ sides: [side(2, 3)] }, { sides: [side(1, 1)] }] as unknown as WindowScore[];
    const pooled = poolScores(windows);
    expect(pooled.orders).toBe(4);
    expect(pooled.heatmapLift).toBeCloseTo(1.75, 12);
    expect(pooled.zoneLift).toBeNull();
  });
});

describe('liquidation orders', () => {
  const HEADER = 'time,time_utc,symbol,side,original_quantity,price,average_price,order_status,last_filled_quantity,accumulated_filled_quantity,usd_size_recorded,source';

  it('reads SELL as a long liquidated and BUY as a short, at the average price and recorded USD size', () => {
    const orders = parseLiquidationCsv(`${HEADER}\n1723897051510,x,BTCUSDT,SELL,0.006,58911.00,59145.00,FILLED,0.006,0.006,353.466,src\n1723896324103,x,BTCUSDT,BUY,0.044,59298.69,,FILLED,0.044,0.044,,src\n`);
    expect(orders[0]).toMatchObject({ side: 'short', price: 59298.69, notional: 0.044 * 59298.69, row: 3 });
    expect(orders[1]).toMatchObject({ side: 'long', price: 59145, notional: 353.466, row: 2 });
  });

  it('names the row and field of a bad line: unknown side, non-numeric price, missing column', () => {
    expect(() => parseLiquidationCsv(`${HEADER}\n1,x,BTCUSDT,HOLD,1,1,1,F,1,1,1,s\n`, 'liq.csv')).toThrow(/liq\.csv, row 2, field side: unknown side 'HOLD'/);
    expect(() => parseLiquidationCsv(`${HEADER}\n1,x,BTCUSDT,SELL,1,1,1,F,1,1,1,s\n2,x,BTCUSDT,BUY,1,abc,,F,1,1,1,s\n`, 'liq.csv')).toThrow(/liq\.csv, row 3, field price: not a non-negative number: abc/);
    expect(() => parseLiquidationCsv('time,symbol,price\n1,BTCUSDT,1\n', 'liq.csv')).toThrow(LiquidationFileError);
    expect(() => parseLiquidationCsv('time,symbol,price\n1,BTCUSDT,1\n', 'liq.csv')).toThrow(/row 1: missing column side/);
  });

  it('groups orders less than 2 h apart per symbol into windows', () => {
    const t = Date.UTC(2025, 0, 1);
    const orders = [order(1, 1, 'long', t), order(1, 1, 'short', t + HOUR), order(1, 1, 'long', t + HOUR + 2 * HOUR), { ...order(1, 1, 'long', t + 10), symbol: 'BTCUSDT' }];
    const windows = groupWindows(orders);
    expect(windows.map((w) => [w.symbol, w.t0, w.orders.length])).toEqual([
      ['ETHUSDT', t, 2],
      ['BTCUSDT', t + 10, 1],
      ['ETHUSDT', t + 3 * HOUR, 1],
    ]);
  });
});

describe('evaluating the model', () => {
  const klines = syntheticKlines(400, { price: 100, volatility: 0.006 });
  const series = toKlineSeries(klines);

  it('uses only bars closed at or before t0 and takes price0 from the last of them', () => {
    const t0 = klines[300].openTime + 10 * 60_000;
    const result = evaluateModel(series, groupWindows([order(klines[300].low, 5, 'long', t0)]));
    expect(result.windows[0].price0).toBe(klines[299].close);
    expect(result.windows[0].sides[0].high).toBe(klines[299].close);
    expect(result.windows[0].sides[0].low).toBeLessThanOrEqual(Math.min(klines[300].low, klines[301].low));
  });

  it('skips a window the klines do not cover, saying why', () => {
    const result = evaluateModel(series, groupWindows([order(100, 5, 'long', klines[399].openTime + 10 * HOUR)]));
    expect(result.windows[0].skipped).toMatch(/do not cover/);
    expect(result.pooled.windows).toBe(0);
  });
});

const ETH = sharedFile('klines/ETHUSDT-PERP_1h_tjf_2020-2026.csv', 'evaluation on the development liquidation windows');
const LIQ = sharedFile('liquidations/forceOrder_BTCUSDT_ETHUSDT_dev.csv', 'evaluation on the development liquidation windows');

describe.skipIf(!ETH.present || !LIQ.present)('evaluation on the development windows (real data)', () => {
  it('scores the ETHUSDT windows with finite lifts, weighted by orders', () => {
    const orders = parseLiquidationCsv(readFileSync(LIQ.path, 'utf8'), LIQ.path).filter((o) => o.symbol === 'ETHUSDT');
    const series = parseKlines(readFileSync(ETH.path, 'utf8'), { source: ETH.path });
    const { windows, pooled } = evaluateModel(series, groupWindows(orders));
    expect(windows.filter((w) => !w.skipped).length).toBeGreaterThanOrEqual(5);
    expect(pooled.orders).toBeGreaterThan(40);
    expect(Number.isFinite(pooled.heatmapLift)).toBe(true);
    for (const side of windows.flatMap((w) => w.sides)) {
      expect(side.heatmap.capture).toBeGreaterThanOrEqual(0);
      expect(side.heatmap.capture).toBeLessThanOrEqual(1);
      expect(side.zones.coverage).toBeLessThanOrEqual(1);
    }
  });
});
