import { describe, expect, it } from 'vitest';
import { parseKlineCsv, parseKlineCsvWithRows } from '../../src/klines';
import { expectKlineError } from './expect-kline-error';

const BINANCE_HEADER =
  'open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore';
const BINANCE_ROW =
  '1737504000000,106115.40,106298.70,105769.80,105923.70,4999.461,1737507599999,530651234.5,81234,2265.374,240053519.40020,0';

describe('parseKlineCsv', () => {
  it('reads the full Binance public-data layout by header', () => {
    expect(parseKlineCsv(`${BINANCE_HEADER}\n${BINANCE_ROW}\n`)).toEqual([
      {
        openTime: 1737504000000,
        open: 106115.4,
        high: 106298.7,
        low: 105769.8,
        close: 105923.7,
        volume: 4999.461,
        closeTime: 1737507599999,
        quoteVolume: 530651234.5,
        trades: 81234,
        takerBuyBase: 2265.374,
        takerBuyQuote: 240053519.4002,
      },
    ]);
  });

  it('reads an OHLCV-only header, leaving optional fields missing', () => {
    const [kline] = parseKlineCsv('open_time,open,high,low,close,volume\n1745305200000,88196.0,88445.0,88122.0,88434.9,4877.943');
    expect(kline).toMatchObject({ openTime: 1745305200000, open: 88196, close: 88434.9, volume: 4877.943 });
    expect(kline.quoteVolume).toBeUndefined();
    expect(kline.closeTime).toBeUndefined();
  });

  it('finds columns by name in any order and ignores unknown ones', () => {
    const text = 'symbol,volume,close,low,high,open,open_time\nBTCUSDT,5,2,1,3,2,1700000000000';
    expect(parseKlineCsv(text)[0]).toMatchObject({ openTime: 1700000000000, open: 2, high: 3, low: 1, close: 2, volume: 5 });
  });

  it('reads the taker-only layout (no quote volume, no close time)', () => {
    const text = 'open_time,open,high,low,close,volume,taker_buy_volume,taker_buy_quote_volume\n1737504000000,1,2,0.5,1.5,10,4,6';
    expect(parseKlineCsv(text)[0]).toMatchObject({ takerBuyBase: 4, takerBuyQuote: 6, quoteVolume: undefined });
  });

  it('accepts common aliases, matching case-insensitively', () => {
    const text =
      'Timestamp,Open,High,Low,Close,Volume,closeTime,quoteAssetVolume,Number_Of_Trades,takerBuyBase,TAKER_BUY_QUOTE_ASSET_VOLUME\n' +
      '1700000000000,1,2,0.5,1.5,10,1700000059999,15,3,4,6';
    expect(parseKlineCsv(text)[0]).toEqual({
      openTime: 1700000000000,
      open: 1,
      high: 2,
      low: 0.5,
      close: 1.5,
      volume: 10,
      closeTime: 1700000059999,
      quoteVolume: 15,
      trades: 3,
      takerBuyBase: 4,
      takerBuyQuote: 6,
    });
  });

  it('prefers open_time over time when both columns exist', () => {
    const text = 'time,open_time,open,high,low,close,volume\n1,1700000000000,1,1,1,1,1';
    expect(parseKlineCsv(text)[0].openTime).toBe(1700000000000);
  });

  it('reads headerless rows in Binance column order', () => {
    const [kline] = parseKlineCsv(`${BINANCE_ROW}\n`);
    expect(kline).toMatchObject({ openTime: 1737504000000, closeTime: 1737507599999, trades: 81234, takerBuyQuote: 240053519.4002 });
  });

  it('reads headerless OHLCV-only rows', () => {
    expect(parseKlineCsv('1700000000000,1,2,0.5,1.5,10')[0]).toMatchObject({ volume: 10, closeTime: undefined });
  });

  it('treats empty optional cells as missing, never zero', () => {
    const [kline] = parseKlineCsv(`${BINANCE_HEADER}\n1747540680000,103295.69,103295.7,103295.69,103295.7,0.49159,,,,,,`);
    expect(kline.closeTime).toBeUndefined();
    expect(kline.quoteVolume).toBeUndefined();
    expect(kline.trades).toBeUndefined();
    expect(kline.takerBuyBase).toBeUndefined();
    expect(kline.takerBuyQuote).toBeUndefined();
  });

  it('handles a BOM, CRLF, surrounding whitespace and blank trailing lines', () => {
    const text = '\uFEFF open_time , open ,high,low,close,volume\r\n 1700000000000 , 1 ,2,0.5,1.5,10 \r\n\r\n  \n';
    expect(parseKlineCsv(text)).toEqual([
      expect.objectContaining({ openTime: 1700000000000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }),
    ]);
  });

  it('accepts semicolon and tab delimiters', () => {
    expect(parseKlineCsv('open_time;open;high;low;close;volume\n1700000000000;1;2;0.5;1.5;10')[0].volume).toBe(10);
    expect(parseKlineCsv('open_time\topen\thigh\tlow\tclose\tvolume\n1700000000000\t1\t2\t0.5\t1.5\t10')[0].volume).toBe(10);
  });

  it('normalises second and microsecond timestamps to ms', () => {
    const text =
      'time,open,high,low,close,volume,close_time\n' +
      '1700000000,1,1,1,1,1,1700000059\n' +
      '1700000060000000,1,1,1,1,1,1700000119999999';
    const klines = parseKlineCsv(text);
    expect(klines.map((k) => [k.openTime, k.closeTime])).toEqual([
      [1700000000000, 1700000059000],
      [1700000060000, 1700000119999],
    ]);
  });

  it('returns no klines for a header alone', () => {
    expect(parseKlineCsv('open_time,open,high,low,close,volume\n')).toEqual([]);
  });

  it('gives each kline its line number, skipping blank lines', () => {
    const text = 'open_time,open,high,low,close,volume\n1700000000000,1,1,1,1,1\n\n1700000060000,1,1,1,1,1\n';
    expect(parseKlineCsvWithRows(text).rows).toEqual([2, 4]);
  });
});

describe('parseKlineCsv errors', () => {
  it('names a missing required column', () => {
    const error = expectKlineError(() => parseKlineCsv('open_time,open,high,low,close\n1,1,1,1,1', { source: 'a.csv' }), {
      kind: 'missing-field',
      row: 1,
      field: 'volume',
      source: 'a.csv',
    });
    expect(error.message).toContain('no volume column');
  });

  it('names a missing open time column and its accepted aliases', () => {
    const error = expectKlineError(() => parseKlineCsv('open,high,low,close,volume\n1,1,1,1,1', { source: 'a.csv' }), {
      kind: 'missing-field',
      row: 1,
      field: 'open_time',
      source: 'a.csv',
    });
    expect(error.message).toContain('timestamp');
  });

  it('reports non-numeric text with the line number and column name', () => {
    const text = 'open_time,open,high,low,close,volume,quote_volume\n1700000000000,1,1,1,1,1,2\n1700000060000,1,1,1,1,1,abc\n';
    expectKlineError(() => parseKlineCsv(text, { source: 'b.csv' }), {
      kind: 'non-numeric',
      row: 3,
      field: 'quote_volume',
      source: 'b.csv',
    });
  });

  it('counts lines after a leading blank line', () => {
    const text = '\nopen_time,open,high,low,close,volume\n1700000000000,1,NaN,1,1,1\n';
    expectKlineError(() => parseKlineCsv(text, { source: 'c.csv' }), { kind: 'non-numeric', row: 3, field: 'high', source: 'c.csv' });
  });

  it('rejects a date-string time column as non-numeric (epochs only)', () => {
    const text = 'date,open,high,low,close,volume\n2025-01-22 00:00:00,1,1,1,1,1\n';
    expectKlineError(() => parseKlineCsv(text, { source: 'd.csv' }), { kind: 'non-numeric', row: 2, field: 'date', source: 'd.csv' });
  });

  it('reports an empty required cell as missing', () => {
    const text = 'open_time,open,high,low,close,volume\n1700000000000,1,1,1,1,\n';
    expectKlineError(() => parseKlineCsv(text, { source: 'e.csv' }), { kind: 'missing-field', row: 2, field: 'volume', source: 'e.csv' });
  });

  it('reports a row that ends before a required column', () => {
    const text = 'open_time,open,high,low,close,volume\n1700000000000,1,1,1\n';
    expectKlineError(() => parseKlineCsv(text, { source: 'f.csv' }), { kind: 'missing-field', row: 2, field: 'close', source: 'f.csv' });
  });

  it('requires at least six columns without a header', () => {
    expectKlineError(() => parseKlineCsv('1700000000000,1,1,1,1\n', { source: 'g.csv' }), {
      kind: 'missing-field',
      row: 1,
      field: 'volume',
      source: 'g.csv',
    });
  });
});
