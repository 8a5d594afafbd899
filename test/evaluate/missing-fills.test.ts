import { describe, expect, it } from 'vitest';
import { parseLiquidationCsv, type LiquidationOrder } from '../../src/evaluate/liquidation-orders';
import { estimateMissingFills, fillsOfSymbol } from '../../src/evaluate/missing-fills';

const MULTI = 'time,symbol,side,order_type,price,average_price,original_quantity,filled_quantity,usd_size_recorded,source';
const mmr = (symbol: string) => (symbol === 'BTCUSDT' ? 0.004 : 0.005);

/** An order with both prices: its limit `offset` beyond a fill of 100 (below for a long, above for a short). */
function both(symbol: string, side: 'long' | 'short', offset: number, row = 2): LiquidationOrder {
  return { time: row, symbol, side, price: 100, limit: side === 'long' ? 100 * (1 - offset) : 100 * (1 + offset), fill: 'recorded', notional: 1, row };
}

function limitOnly(symbol: string, side: 'long' | 'short', limit: number, row = 9): LiquidationOrder {
  return { time: row, symbol, side, price: limit, limit, fill: 'limit', notional: 1, row };
}

describe('orders recorded without their fill', () => {
  it('the reader keeps the limit price and says whether the fill was recorded', () => {
    const [a, b] = parseLiquidationCsv(`${MULTI}\n1,ETHUSDT,SELL,LIMIT,99.5,100,1,1,100,s\n2,ETHUSDT,BUY,LIMIT,100.5,,1,1,100,s\n`);
    expect(a).toMatchObject({ price: 100, limit: 99.5, fill: 'recorded' });
    expect(b).toMatchObject({ price: 100.5, limit: 100.5, fill: 'limit' });
  });

  it("moves a long's limit up and a short's down by the median offset of the symbol's orders with both prices", () => {
    const orders = [both('ETHUSDT', 'long', 0.004, 2), both('ETHUSDT', 'short', 0.005, 3), both('ETHUSDT', 'long', 0.006, 4), limitOnly('ETHUSDT', 'long', 99.5), limitOnly('ETHUSDT', 'short', 100.5, 10)];
    const result = estimateMissingFills(orders, 'estimate', mmr);
    expect(result.orders[3].price).toBeCloseTo(99.5 / (1 - 0.005), 12);
    expect(result.orders[4].price).toBeCloseTo(100.5 / 1.005, 12);
    expect(result.orders[3].fill).toBe('estimated');
    expect(result.offsets).toEqual([{ symbol: 'ETHUSDT', offset: expect.closeTo(0.005, 12), from: 'symbol', orders: 3, estimated: 2 }]);
    expect(result).toMatchObject({ missing: 2, withBoth: 3, mode: 'estimate' });
  });

  it('leaves orders with a recorded fill as they are', () => {
    const orders = [both('ETHUSDT', 'long', 0.004, 2), both('ETHUSDT', 'short', 0.005, 3), both('ETHUSDT', 'long', 0.006, 4)];
    expect(estimateMissingFills(orders, 'estimate', mmr).orders).toEqual(orders);
  });

  it("takes the median over every symbol's orders when the symbol has fewer than three with both prices", () => {
    const orders = [both('ETHUSDT', 'long', 0.003, 2), both('ETHUSDT', 'long', 0.004, 3), both('SOLUSDT', 'short', 0.009, 4), both('ETHUSDT', 'long', 0.005, 5), limitOnly('SOLUSDT', 'short', 101)];
    const result = estimateMissingFills(orders, 'estimate', mmr);
    expect(result.offsets[0]).toMatchObject({ symbol: 'SOLUSDT', from: 'file', orders: 4 });
    expect(result.offsets[0].offset).toBeCloseTo(0.0045, 12);
    expect(result.orders[4].price).toBeCloseTo(101 / 1.0045, 12);
  });

  it("falls back to the symbol's maintenance rate when the file has no orders with both prices", () => {
    const result = estimateMissingFills([limitOnly('BTCUSDT', 'long', 99.6)], 'estimate', mmr);
    expect(result.offsets[0]).toMatchObject({ symbol: 'BTCUSDT', offset: 0.004, from: 'mmr', orders: 0 });
    expect(result.orders[0].price).toBeCloseTo(99.6 / 0.996, 12);
  });

  it('under limit, scores them at the limit price as recorded', () => {
    const orders = [both('ETHUSDT', 'long', 0.004, 2), both('ETHUSDT', 'long', 0.004, 3), both('ETHUSDT', 'long', 0.004, 4), limitOnly('ETHUSDT', 'long', 99.5)];
    const result = estimateMissingFills(orders, 'limit', mmr);
    expect(result.orders[3]).toMatchObject({ price: 99.5, fill: 'limit' });
    expect(result.missing).toBe(1);
  });

  it('leaves out of the median an offset that cannot be a bankruptcy price: negative, or 5 % and more', () => {
    const absurd: LiquidationOrder = { ...both('BTCUSDT', 'long', 0, 5), limit: 0.01 };
    const wrongSide: LiquidationOrder = { ...both('BTCUSDT', 'long', 0, 6), limit: 101 };
    const orders = [both('BTCUSDT', 'long', 0.004, 2), both('BTCUSDT', 'long', 0.004, 3), both('BTCUSDT', 'long', 0.004, 4), absurd, wrongSide, limitOnly('BTCUSDT', 'long', 99.6)];
    const result = estimateMissingFills(orders, 'estimate', mmr);
    expect(result.offsets[0]).toMatchObject({ from: 'symbol', orders: 3 });
    expect(result.offsets[0].offset).toBeCloseTo(0.004, 12);
    expect(result.orders[5].price).toBeCloseTo(99.6 / 0.996, 9);
  });

  it('moves a USD size derived from the quantity with the price, and keeps a recorded one', () => {
    const derived: LiquidationOrder = { ...limitOnly('BTCUSDT', 'short', 100.4), notional: 1004, notionalFromPrice: true };
    const recorded: LiquidationOrder = { ...limitOnly('BTCUSDT', 'short', 100.4, 10), notional: 1004 };
    const [a, b] = estimateMissingFills([derived, recorded], 'estimate', mmr).orders;
    expect(a.notional).toBeCloseTo(1000, 9);
    expect(b.notional).toBe(1004);
  });

  it("for one symbol, reports only that symbol's orders and offset, from offsets taken over the whole file", () => {
    const orders = [both('ETHUSDT', 'long', 0.004, 2), both('ETHUSDT', 'long', 0.004, 3), both('ETHUSDT', 'long', 0.004, 4), limitOnly('ETHUSDT', 'long', 99.6), limitOnly('SOLUSDT', 'long', 99.6, 10)];
    const all = estimateMissingFills(orders, 'estimate', mmr);
    const sol = fillsOfSymbol(all, 'SOLUSDT');
    expect(sol.orders.map((o) => o.symbol)).toEqual(['SOLUSDT']);
    expect(sol.missing).toBe(1);
    expect(sol.offsets).toEqual([expect.objectContaining({ symbol: 'SOLUSDT', from: 'file', orders: 3 })]);
    expect(fillsOfSymbol(all, 'BNBUSDT')).toMatchObject({ orders: [], missing: 0, offsets: [] });
  });
});
