import { describe, expect, it } from 'vitest';
import { klineFromRestRow } from '../../src/klines';
import { expectKlineError } from './expect-kline-error';

const ROW = [
  1607444700000, '18879.99', '18900.00', '18878.98', '18896.13', '492.363',
  1607444759999, '9302145.66080', 1874, '385.983', '7292402.33267', '0',
];

describe('klineFromRestRow', () => {
  it('reads a 12-element Binance REST row of strings and numbers', () => {
    expect(klineFromRestRow(ROW)).toEqual({
      openTime: 1607444700000,
      open: 18879.99,
      high: 18900,
      low: 18878.98,
      close: 18896.13,
      volume: 492.363,
      closeTime: 1607444759999,
      quoteVolume: 9302145.6608,
      trades: 1874,
      takerBuyBase: 385.983,
      takerBuyQuote: 7292402.33267,
    });
  });

  it('accepts a six-element OHLCV row, leaving optional fields missing', () => {
    const kline = klineFromRestRow(ROW.slice(0, 6));
    expect(kline.volume).toBe(492.363);
    expect(kline.closeTime).toBeUndefined();
    expect(kline.quoteVolume).toBeUndefined();
  });

  it('treats empty-string and null optional values as missing', () => {
    const row = [...ROW];
    row[7] = '';
    row[9] = null as unknown as string;
    const kline = klineFromRestRow(row);
    expect(kline.quoteVolume).toBeUndefined();
    expect(kline.takerBuyBase).toBeUndefined();
  });

  it('normalises a second-resolution open time', () => {
    expect(klineFromRestRow([1607444700, 1, 1, 1, 1, 1]).openTime).toBe(1607444700000);
  });

  it('names the field of a non-numeric value', () => {
    const row = [...ROW];
    row[4] = 'n/a';
    expectKlineError(() => klineFromRestRow(row, 4, 'rest.json'), { kind: 'non-numeric', row: 4, field: 'close', source: 'rest.json' });
  });

  it('reports a short row as missing the first absent field', () => {
    expectKlineError(() => klineFromRestRow(ROW.slice(0, 5), 2, 'rest.json'), {
      kind: 'missing-field',
      row: 2,
      field: 'volume',
      source: 'rest.json',
    });
  });

  it('rejects a non-array as a format error', () => {
    expectKlineError(() => klineFromRestRow({ open: 1 }, 1), { kind: 'format', row: 1 });
  });
});
