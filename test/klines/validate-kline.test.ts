import { describe, expect, it } from 'vitest';
import { MAX_KLINE_PRICE, MAX_KLINE_VOLUME, parseKlines, validateKline, type Kline } from '../../src/klines';
import { expectKlineError } from './expect-kline-error';

const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;
const BAR: Kline = { openTime: T0, open: 100, high: 101, low: 99, close: 100.5, volume: 10, quoteVolume: 1000, takerBuyBase: 4, takerBuyQuote: 400, trades: 7 };
const at = { row: 4, source: 'bars.json' };

describe('validateKline', () => {
  it('accepts a sound bar', () => {
    expect(() => validateKline(BAR, at)).not.toThrow();
  });

  it('accepts prices and volumes at the limits', () => {
    const bar = { ...BAR, high: MAX_KLINE_PRICE, volume: MAX_KLINE_VOLUME, quoteVolume: MAX_KLINE_VOLUME };
    expect(() => validateKline(bar, at)).not.toThrow();
  });

  it('refuses a price above 1e12, naming source, row and field', () => {
    const error = expectKlineError(() => validateKline({ ...BAR, high: 1e308 }, at), { kind: 'out-of-range', ...at, field: 'high' });
    expect(error.message).toContain('1e+308');
  });

  it('refuses a base volume above 1e15', () => {
    expectKlineError(() => validateKline({ ...BAR, volume: 1e300 }, at), { kind: 'out-of-range', ...at, field: 'volume' });
  });

  it('refuses a quote volume above 1e15', () => {
    expectKlineError(() => validateKline({ ...BAR, quoteVolume: 2e15 }, at), { kind: 'out-of-range', ...at, field: 'quoteVolume' });
  });

  it('refuses a taker volume above 1e15', () => {
    expectKlineError(() => validateKline({ ...BAR, takerBuyQuote: 1e16 }, at), { kind: 'out-of-range', ...at, field: 'takerBuyQuote' });
  });

  it('refuses an infinite optional volume', () => {
    expectKlineError(() => validateKline({ ...BAR, quoteVolume: Infinity }, at), { kind: 'non-numeric', ...at, field: 'quoteVolume' });
  });

  it('refuses a NaN price', () => {
    expectKlineError(() => validateKline({ ...BAR, close: NaN }, at), { kind: 'non-numeric', ...at, field: 'close' });
  });

  it('refuses a negative taker volume', () => {
    expectKlineError(() => validateKline({ ...BAR, takerBuyBase: -1 }, at), { kind: 'negative', ...at, field: 'takerBuyBase' });
  });

  it('refuses an open time after the year 9999', () => {
    expectKlineError(() => validateKline({ ...BAR, openTime: 9e18 }, at), { kind: 'out-of-range', ...at, field: 'openTime' });
  });

  it('refuses a high below the low', () => {
    expectKlineError(() => validateKline({ ...BAR, high: 98 }, at), { kind: 'high-below-body', ...at, field: 'high' });
  });

  it('refuses a low above the body', () => {
    expectKlineError(() => validateKline({ ...BAR, low: 100.2 }, at), { kind: 'low-above-body', ...at, field: 'low' });
  });

  it('refuses a value that is not an object, naming source and row', () => {
    expectKlineError(() => validateKline(null as unknown as Kline, at), { kind: 'format', ...at });
  });
});

describe('parseKlines with absurd values', () => {
  const csv = (high: string) => `open_time,open,high,low,close,volume\n${T0},100,101,99,100,5\n${T0 + HOUR},100,${high},99,100,5\n`;

  it('refuses a bar with high 1e308, naming the file line and the column', () => {
    expectKlineError(() => parseKlines(csv('1e308'), { source: 'f.csv' }), { kind: 'out-of-range', row: 3, field: 'high', source: 'f.csv' });
  });

  it('names the row of a hole in a sparse array', () => {
    const rows: unknown[] = [[T0, '1', '2', '0.5', '1.5', '10']];
    rows[2] = [T0 + 2 * HOUR, '1', '2', '0.5', '1.5', '10'];
    const error = expectKlineError(() => parseKlines(rows, { source: 'live' }), { kind: 'format', row: 2, source: 'live' });
    expect(error.message).toContain('an empty element');
  });
});
