import { describe, expect, it } from 'vitest';
import { parseKline, parseKlines } from '../../src/klines';
import { expectKlineError } from './expect-kline-error';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

const restRow = (t: number, close = '1.5'): unknown[] => [t, '1', '2', '0.5', close, '10', t + MIN - 1, '15', 3, '4', '6', '0'];
const wsEvent = (t: number, close: string, x: boolean) => ({
  e: 'kline',
  E: t + 1,
  s: 'BTCUSDT',
  k: { t, T: t + MIN - 1, s: 'BTCUSDT', i: '1m', o: '1', h: '2', l: '0.5', c: close, v: '10', n: 3, x, q: '15', V: '4', Q: '6' },
});

describe('parseKlines', () => {
  it('detects CSV text', () => {
    const series = parseKlines('open_time,open,high,low,close,volume\n1700000000000,1,2,0.5,1.5,10\n1700000060000,1,2,0.5,1.5,10\n');
    expect(series.length).toBe(2);
    expect(series.intervalMs).toBe(MIN);
    expect(series.quoteVolume[0]).toBeNaN();
  });

  it('detects a JSON array of REST rows', () => {
    const series = parseKlines(`  \n${JSON.stringify([restRow(T0), restRow(T0 + MIN)])}`);
    expect([...series.openTime]).toEqual([T0, T0 + MIN]);
    expect(series.quoteVolume[1]).toBe(15);
  });

  it('detects a JSON array of kline objects', () => {
    const objects = [0, 1].map((i) => ({ time: (T0 + i * MIN) / 1000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }));
    expect([...parseKlines(JSON.stringify(objects)).openTime]).toEqual([T0, T0 + MIN]);
  });

  it('detects JSON lines of combined-stream websocket messages', () => {
    const lines = [0, 1, 2].map((i) => JSON.stringify({ stream: 'btcusdt@kline_1m', data: wsEvent(T0 + i * MIN, '1.5', true) }));
    const series = parseKlines(`${lines.join('\r\n')}\r\n`);
    expect(series.length).toBe(3);
    expect(series.takerBuyBase[2]).toBe(4);
  });

  it('reads a single websocket message', () => {
    expect(parseKlines(JSON.stringify(wsEvent(T0, '1.5', false))).length).toBe(1);
  });

  it('collapses consecutive websocket updates of one bar to the latest', () => {
    const messages = [
      wsEvent(T0, '1.1', false),
      wsEvent(T0, '1.2', true),
      wsEvent(T0 + MIN, '1.3', false),
      wsEvent(T0 + MIN, '1.4', false),
    ];
    const series = parseKlines(messages);
    expect([...series.close]).toEqual([1.2, 1.4]);
  });

  it('still rejects repeated REST rows as duplicates', () => {
    expectKlineError(() => parseKlines([restRow(T0), restRow(T0)], { source: 'rows' }), {
      kind: 'duplicate',
      row: 2,
      field: 'openTime',
      source: 'rows',
    });
  });

  it('reads arrays of mixed element shapes', () => {
    const series = parseKlines([restRow(T0), { openTime: T0 + MIN, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }]);
    expect(series.length).toBe(2);
  });

  it('applies a given interval', () => {
    expect(parseKlines([restRow(T0).slice(0, 6)], { intervalMs: MIN }).intervalMs).toBe(MIN);
  });

  it('reports malformed JSON as a format error with the source and line', () => {
    const error = expectKlineError(() => parseKlines('[\n  [1700000000000, "1"],\n  [1 2]\n]', { source: 'bad.json' }), {
      kind: 'format',
      row: 3,
      source: 'bad.json',
    });
    expect(error.message).toContain('malformed JSON');
  });

  it('reports truncated JSON at its last line', () => {
    const cut = '[\n  [1700000000000, "1"],\n';
    expectKlineError(() => parseKlines(cut, { source: 'cut.json' }), { kind: 'format', row: 2, source: 'cut.json' });
  });

  it('reports malformed JSON with the source even when the line is unknown', () => {
    const error = expectKlineError(() => parseKlines('[oops]', { source: 'bad.json' }), { kind: 'format', source: 'bad.json' });
    expect(error.message).toMatch(/^bad\.json: malformed JSON/);
  });

  it('reports a malformed JSON line by its line number', () => {
    const good = JSON.stringify(wsEvent(T0, '1.5', true));
    expectKlineError(() => parseKlines(`${good}\n${good.slice(0, 20)}\n`, { source: 'ws.jsonl' }), {
      kind: 'format',
      row: 2,
      source: 'ws.jsonl',
    });
  });

  it('reports validation errors with the JSON array index as the row', () => {
    const rows = [restRow(T0), restRow(T0 + MIN)];
    rows[1][2] = '0.9';
    expectKlineError(() => parseKlines(JSON.stringify(rows), { source: 'k.json' }), {
      kind: 'high-below-body',
      row: 2,
      field: 'high',
      source: 'k.json',
    });
  });

  it('reports validation errors with the CSV line number as the row', () => {
    const text = 'open_time,open,high,low,close,volume\n\n1700000000000,1,2,0.5,1.5,10\n1700000000000,1,2,0.5,1.5,10\n';
    expectKlineError(() => parseKlines(text, { source: 'k.csv' }), { kind: 'duplicate', row: 4, field: 'openTime', source: 'k.csv' });
  });

  it('rejects empty input', () => {
    expectKlineError(() => parseKlines('', { source: 'empty.csv' }), { kind: 'empty', source: 'empty.csv' });
    expectKlineError(() => parseKlines('[]', { source: 'empty.json' }), { kind: 'empty', source: 'empty.json' });
    expectKlineError(() => parseKlines([]), { kind: 'empty' });
  });

  it('rejects an unknown element as a format error', () => {
    expectKlineError(() => parseKlines([restRow(T0), 42], { source: 'x' }), { kind: 'format', row: 2, source: 'x' });
  });
});

describe('parseKline', () => {
  it('reads a REST row', () => {
    expect(parseKline(restRow(T0)).close).toBe(1.5);
  });

  it('reads a websocket message as JSON text, with closed', () => {
    expect(parseKline(JSON.stringify({ stream: 's', data: wsEvent(T0, '1.7', true) }))).toMatchObject({ close: 1.7, closed: true });
  });

  it('reads a kline object', () => {
    expect(parseKline({ openTime: T0, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }).openTime).toBe(T0);
  });

  it('rejects text that is not JSON', () => {
    expectKlineError(() => parseKline('hello', 4, 'feed'), { kind: 'format', row: 4, source: 'feed' });
  });
});
