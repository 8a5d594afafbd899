import { describe, expect, it } from 'vitest';
import { klineFromObject } from '../../src/klines';
import { expectKlineError } from './expect-kline-error';

describe('klineFromObject', () => {
  it('reads numbers and numeric strings', () => {
    expect(
      klineFromObject({
        openTime: 1700000000000, open: '1', high: 2, low: '0.5', close: 1.5, volume: '10',
        closeTime: 1700000059999, quoteVolume: 15, takerBuyBase: '4', takerBuyQuote: 6, trades: 3,
      }),
    ).toEqual({
      openTime: 1700000000000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10,
      closeTime: 1700000059999, quoteVolume: 15, takerBuyBase: 4, takerBuyQuote: 6, trades: 3,
    });
  });

  it('accepts lightweight-charts time in seconds', () => {
    expect(klineFromObject({ time: 1700000000, open: 1, high: 1, low: 1, close: 1, volume: 1 }).openTime).toBe(1700000000000);
  });

  it('accepts snake_case keys', () => {
    const kline = klineFromObject({ open_time: 1700000000000, open: 1, high: 1, low: 1, close: 1, volume: 1, quote_volume: 2 });
    expect(kline.quoteVolume).toBe(2);
  });

  it('leaves absent, null and empty optional fields missing', () => {
    const kline = klineFromObject({ time: 1700000000000, open: 1, high: 1, low: 1, close: 1, volume: 1, quoteVolume: '', trades: null });
    expect(kline.quoteVolume).toBeUndefined();
    expect(kline.trades).toBeUndefined();
    expect(kline.takerBuyBase).toBeUndefined();
  });

  it('keeps a boolean closed flag', () => {
    expect(klineFromObject({ time: 1700000000000, open: 1, high: 1, low: 1, close: 1, volume: 1, closed: false }).closed).toBe(false);
  });

  it('reports a missing volume (lightweight-charts candle data has none)', () => {
    expectKlineError(() => klineFromObject({ time: 1700000000, open: 1, high: 1, low: 1, close: 1 }, 9, 'candles'), {
      kind: 'missing-field',
      row: 9,
      field: 'volume',
      source: 'candles',
    });
  });

  it('rejects a business-day time as non-numeric', () => {
    expectKlineError(
      () => klineFromObject({ time: { year: 2024, month: 1, day: 2 }, open: 1, high: 1, low: 1, close: 1, volume: 1 }, 1),
      { kind: 'non-numeric', row: 1, field: 'openTime' },
    );
  });

  it('rejects a non-object as a format error', () => {
    expectKlineError(() => klineFromObject('x', 2), { kind: 'format', row: 2 });
  });
});
