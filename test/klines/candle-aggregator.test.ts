import { describe, expect, it } from 'vitest';
import { CandleAggregator, aggregateKlines } from '../../src/klines/candle-aggregator';
import type { Kline } from '../../src/klines/kline';

const T0 = Date.UTC(2025, 0, 1);
const QUARTER = 900_000;
const HOUR = 3_600_000;

const k = (i: number, open: number, high: number, low: number, close: number, volume = 1): Kline => ({ openTime: T0 + i * QUARTER, open, high, low, close, volume });

describe('candle aggregator: chart candles from finer klines', () => {
  it('makes an hourly candle of four 15m klines: open of the first, high and low of all, close of the last, volumes summed', () => {
    const candles = aggregateKlines([k(0, 10, 12, 9, 11), k(1, 11, 15, 10, 14), k(2, 14, 14, 8, 9), k(3, 9, 10, 9, 10)], HOUR);
    expect(candles).toEqual([{ openTime: T0, open: 10, high: 15, low: 8, close: 10, volume: 4, quoteVolume: undefined, takerBuyBase: undefined, takerBuyQuote: undefined, trades: undefined }]);
  });

  it('starts a new candle at the next whole hour', () => {
    const candles = aggregateKlines([k(3, 9, 10, 9, 10), k(4, 10, 11, 10, 11)], HOUR);
    expect(candles.map((c) => c.openTime)).toEqual([T0, T0 + HOUR]);
  });

  it('a tick of the forming kline replaces it instead of adding to the candle', () => {
    const agg = new CandleAggregator(HOUR);
    agg.push(k(0, 10, 12, 9, 11));
    agg.push(k(1, 11, 20, 11, 19, 5));
    const candle = agg.push(k(1, 11, 13, 11, 12, 2));
    expect(candle).toMatchObject({ openTime: T0, open: 10, high: 13, low: 9, close: 12, volume: 3 });
  });

  it('a tick of an older kline than the forming one does not change the candle', () => {
    const agg = new CandleAggregator(HOUR);
    agg.push(k(0, 10, 12, 9, 11));
    agg.push(k(1, 11, 13, 11, 12));
    expect(agg.push(k(0, 10, 30, 1, 11))).toMatchObject({ high: 13, low: 9, close: 12 });
  });

  it('a whole history aggregates to what the live aggregator gives kline by kline, replaced and stale ticks included', () => {
    const klines: Kline[] = [];
    for (let i = 0; i < 40; i++) {
      const base = 100 + Math.sin(i) * 5;
      klines.push({ ...k(i, base, base + 2 + (i % 3), base - 1 - (i % 2), base + 1, 1 + (i % 4)), quoteVolume: 100 + i, trades: i });
      if (i % 7 === 3) klines.push({ ...k(i, base, base + 9, base - 9, base - 2, 7), quoteVolume: 50, trades: 2 });
      if (i % 11 === 5) klines.push(k(i - 1, base, base + 40, base - 40, base, 9));
    }
    klines.push(k(40, 100, 101, 99, 100));
    const agg = new CandleAggregator(HOUR);
    const live: Kline[] = [];
    for (const kline of klines) {
      const candle = agg.push(kline);
      if (live.length > 0 && live[live.length - 1].openTime === candle.openTime) live[live.length - 1] = candle;
      else live.push(candle);
    }
    expect(aggregateKlines(klines, HOUR)).toEqual(live);
  });

  it('aggregating refuses a length that is not positive', () => {
    expect(() => aggregateKlines([k(0, 1, 1, 1, 1)], 0)).toThrow(/intervalMs must be > 0/);
  });

  it('refuses a length that is not positive', () => {
    expect(() => new CandleAggregator(0)).toThrow(/intervalMs must be > 0/);
  });
});
