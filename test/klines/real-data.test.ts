import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { intervalToMs, klineFromWsMessage, parseKlines, type KlineSeries } from '../../src/klines';
import { must } from '../helpers/must';
import { expectKlineError } from './expect-kline-error';

const DATA = fileURLToPath(new URL('../../../shared/data/binance/', import.meta.url));
const present = existsSync(DATA);
if (!present) console.warn(`real-data kline tests skipped: ${DATA} is absent (it is a sibling checkout, ../shared)`);

const read = (path: string): string => readFileSync(join(DATA, path), 'utf8');
const parseFile = (path: string): KlineSeries => parseKlines(read(path), { source: path });
const klineCsvs = present ? readdirSync(join(DATA, 'klines')).filter((name) => name.endsWith('.csv')) : [];

describe.skipIf(!present)('real Binance kline CSVs', () => {
  for (const name of klineCsvs) {
    it(`parses ${name} with the interval in its name`, () => {
      const text = read(`klines/${name}`);
      const series = parseKlines(text, { source: name });
      const dataLines = text.split('\n').filter((line) => line.trim() !== '').length - 1;
      expect(series.length).toBe(dataLines);
      expect(series.intervalMs).toBe(intervalToMs(must(/_(\d+[mhdwM])_/.exec(name), `an interval in ${name}`)[1]));
    });
  }

  it('parses every one of the 53k rows of the ETHUSDT 1h file', () => {
    const text = read('klines/ETHUSDT-PERP_1h_tjf_2020-2026.csv');
    const series = parseKlines(text, { source: 'ETHUSDT-PERP_1h_tjf_2020-2026.csv' });
    expect(series.length).toBe(53_308);
  });

  it('keeps the blank optional fields of BTCUSDT-SPOT_1m_astral missing and its one explicit zero zero', () => {
    const series = parseFile('klines/BTCUSDT-SPOT_1m_astral.csv');
    const missing = series.quoteVolume.filter(Number.isNaN).length;
    expect(missing).toBe(14_160);
    expect(series.trades.filter(Number.isNaN).length).toBe(14_160);
    expect(series.quoteVolume[0]).toBeNaN();
    expect(series.quoteVolume[series.length - 1]).toBeCloseTo(171_429.9417, 4);
    const zeroBar = series.openTime.indexOf(Date.parse('2025-05-28T00:00:00Z'));
    expect(series.quoteVolume.filter((value) => value === 0).length).toBe(1);
    expect([series.volume[zeroBar], series.quoteVolume[zeroBar], series.trades[zeroBar]]).toEqual([0, 0, 0]);
  });

  it('reads taker volumes without quote volume from the lazzmatazz layout', () => {
    const series = parseFile('klines/BTCUSDT-PERP_1h_lazzmatazz_2025-01-22_2025-01-30.csv');
    expect(series.takerBuyBase[0]).toBe(2265.374);
    expect(series.takerBuyQuote[0]).toBe(240_053_519.4002);
    expect(series.quoteVolume[0]).toBeNaN();
  });

  it('reads every column of the full Binance layout', () => {
    const series = parseFile('klines/ETHUSDT-PERP_1d_tjf.csv');
    const columns = [series.openTime, series.volume, series.quoteVolume, series.trades, series.takerBuyBase, series.takerBuyQuote];
    expect(columns.map((column) => column[0])).toEqual([
      1_688_601_600_000, 4_219_617.366, 8_025_247_594.29251, 3_152_119, 2_057_982.477, 3_915_836_529.02027,
    ]);
  });

  it('reports the missing 2023-03-24 13:00 hour in the spot 1h files as a gap', () => {
    const gap = { after: Date.parse('2023-03-24T12:00:00Z'), before: Date.parse('2023-03-24T14:00:00Z'), missing: 1 };
    expect(parseFile('klines/BTCUSDT-SPOT_1h_lohan_2022-2025.csv').gaps).toEqual([gap]);
    expect(parseFile('klines/ETHUSDT-SPOT_1h_lohan_2022-2025.csv').gaps).toEqual([gap]);
  });

  it('reports the 1008-minute hole in ETHUSDT-PERP_1m_astral as a gap', () => {
    expect(parseFile('klines/ETHUSDT-PERP_1m_astral.csv').gaps).toEqual([
      { after: Date.parse('2025-05-28T04:08:00Z'), before: Date.parse('2025-05-28T20:57:00Z'), missing: 1008 },
    ]);
  });

  it('reports a corrupted real row with the file, line and column', () => {
    const path = 'klines/BTCUSDT-PERP_5m_astral.csv';
    const lines = read(path).split('\n');
    lines[10] = lines[10].replace(/,[^,]*\r?$/, ',oops\r');
    const expected = { kind: 'non-numeric', row: 11, field: 'volume', source: path } as const;
    expectKlineError(() => parseKlines(lines.join('\n'), { source: path }), expected);
  });

  it('reports out-of-order real rows with the file line', () => {
    const path = 'klines/BTCUSDT-PERP_1h_astral.csv';
    const lines = read(path).split('\n');
    [lines[20], lines[21]] = [lines[21], lines[20]];
    const expected = { kind: 'unsorted', row: 22, field: 'openTime', source: path } as const;
    expectKlineError(() => parseKlines(lines.join('\n'), { source: path }), expected);
  });
});

describe.skipIf(!present)('real Binance REST kline bodies', () => {
  it('parses the spot klines response', () => {
    const series = parseFile('rest/nautilus_fixtures/http_spot_market_klines.json');
    expect(series.length).toBe(10);
    expect(series.intervalMs).toBe(60_000);
    expect(series.open[0]).toBe(60_685.22);
  });

  it('takes a lone weekly row interval from its close time', () => {
    expect(parseFile('rest/nautilus_fixtures/http_futures_market_klines.json').intervalMs).toBe(intervalToMs('1w'));
  });

  it('parses continuous and mark-price kline responses', () => {
    expect(parseFile('rest/nautilus_fixtures/http_futures_market_continuous_klines.json').close[0]).toBe(18_896.13);
    const mark = parseFile('rest/nautilus_fixtures/http_futures_market_mark_price_klines.json');
    expect([mark.volume[0], mark.quoteVolume[0]]).toEqual([0, 0]);
  });
});

describe.skipIf(!present)('real Binance websocket kline messages', () => {
  it('reads closed and open kline events', () => {
    expect(klineFromWsMessage(read('ws/nautilus_kline_stream_closed.json')).closed).toBe(true);
    const open = klineFromWsMessage(read('ws/nautilus_kline_stream_open.json'));
    expect(open).toMatchObject({ closed: false, low: 0.0015, closeTime: 1_638_747_719_999 });
  });

  it('rejects liquidation and mark-price events as non-kline messages', () => {
    for (const path of ['ws/nautilus_liquidation_stream.json', 'ws/nautilus_mark_price_stream.json']) {
      expectKlineError(() => parseFile(path), { kind: 'format', row: 1, source: path });
    }
  });

  it('reads recorded combined-stream messages and collapses each bar to its latest update', () => {
    const path = 'ws/cryptofeed_BINANCE_FUTURES_kline_1m_stream.jsonl';
    const messages = read(path)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse((JSON.parse(line) as { raw: string }).raw) as { data: { s: string } });
    const ctk = messages.filter((message) => message.data.s === 'CTKUSDT');
    expect(ctk.length).toBe(32);
    const series = parseKlines(ctk, { source: path });
    expect([...series.openTime]).toEqual([1_626_992_700_000, 1_626_992_760_000]);
    expect(series.intervalMs).toBe(60_000);
    for (const message of messages) expect(() => klineFromWsMessage(message)).not.toThrow();
  });
});
