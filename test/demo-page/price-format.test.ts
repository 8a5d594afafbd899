import { describe, expect, it } from 'vitest';
import { decimalsOf, priceFormatOf } from '../../demo/page/price-format.js';
import type { Kline } from '../../src/klines/kline';

/** Klines whose open, high, low and close are the given prices in turn (volume 1, hourly). */
function klinesAt(prices: number[]): Kline[] {
  return prices.map((p, i) => ({ openTime: i * 3_600_000, open: p, high: p, low: p, close: p, volume: 1 }));
}

describe('the demo candles\' price format, read from the data', () => {
  it('a decimal is counted as the Binance string wrote it, trailing zeros dropped, exponent form included', () => {
    expect(decimalsOf(0.0041572)).toBe(7);
    expect(decimalsOf(66267.6)).toBe(1);
    expect(decimalsOf(66267)).toBe(0);
    expect(decimalsOf(1.5e-7)).toBe(8);
    expect(decimalsOf(2e-7)).toBe(7);
  });

  it('1000PEPEUSDT at 0.004 gets seven decimals and a minimum move of 0.0000001', () => {
    expect(priceFormatOf(klinesAt([0.0041757, 0.004217, 0.0041425, 0.0041655]))).toEqual({ type: 'price', precision: 7, minMove: 1e-7 });
  });

  it('DOGEUSDT at 0.097 gets five decimals', () => {
    expect(priceFormatOf(klinesAt([0.0968, 0.09723, 0.09545, 0.09675]))).toEqual({ type: 'price', precision: 5, minMove: 0.00001 });
  });

  it('prices with fewer than two decimals (BTCUSDT\'s 0.1 tick) still get two', () => {
    expect(priceFormatOf(klinesAt([66362.6, 66494.7, 65863, 66267.6]))).toEqual({ type: 'price', precision: 2, minMove: 0.01 });
  });

  it('prices with more than eight decimals (computed, not quoted) are cut to eight', () => {
    expect(priceFormatOf(klinesAt([100.123456789012, 100.1]))).toEqual({ type: 'price', precision: 8, minMove: 1e-8 });
  });

  it('only the latest 200 bars count: an old price with more decimals does not widen the format', () => {
    expect(priceFormatOf(klinesAt([0.123456, ...Array<number>(200).fill(1.25)])).precision).toBe(2);
  });

  it('no klines gives the two-decimal default', () => {
    expect(priceFormatOf([])).toEqual({ type: 'price', precision: 2, minMove: 0.01 });
  });
});
