import { describe, expect, it } from 'vitest';
import { klineFromWsMessage } from '../../src/klines';
import { expectKlineError } from './expect-kline-error';

const K = {
  t: 1638747660000, T: 1638747719999, s: 'BTCUSDT', i: '1m', f: 100, L: 200,
  o: '0.0010', c: '0.0020', h: '0.0025', l: '0.0010', v: '1000', n: 100, x: true,
  q: '1.0000', V: '500', Q: '0.500', B: '123456',
};
const EVENT = { e: 'kline', E: 1638747660000, s: 'BTCUSDT', k: K };
const EXPECTED = {
  openTime: 1638747660000,
  open: 0.001,
  high: 0.0025,
  low: 0.001,
  close: 0.002,
  volume: 1000,
  closeTime: 1638747719999,
  quoteVolume: 1,
  trades: 100,
  takerBuyBase: 500,
  takerBuyQuote: 0.5,
  closed: true,
};

describe('klineFromWsMessage', () => {
  it('reads a raw kline event', () => {
    expect(klineFromWsMessage(EVENT)).toEqual(EXPECTED);
  });

  it('reads the combined-stream wrapper', () => {
    expect(klineFromWsMessage({ stream: 'btcusdt@kline_1m', data: EVENT })).toEqual(EXPECTED);
  });

  it('reads JSON text as received from the socket', () => {
    expect(klineFromWsMessage(JSON.stringify({ stream: 'btcusdt@kline_1m', data: EVENT }))).toEqual(EXPECTED);
  });

  it('reads a bare k object', () => {
    expect(klineFromWsMessage(K)).toEqual(EXPECTED);
  });

  it('reads a continuous_kline event', () => {
    expect(klineFromWsMessage({ ...EVENT, e: 'continuous_kline' }).close).toBe(0.002);
  });

  it('sets closed from k.x', () => {
    expect(klineFromWsMessage({ ...EVENT, k: { ...K, x: false } }).closed).toBe(false);
    expect(klineFromWsMessage(EVENT).closed).toBe(true);
  });

  it('rejects a non-kline event, naming its type', () => {
    const error = expectKlineError(
      () => klineFromWsMessage({ stream: 'btcusdt@markPrice@1s', data: { e: 'markPriceUpdate', p: '1' } }, 3, 'ws.jsonl'),
      { kind: 'format', row: 3, source: 'ws.jsonl' },
    );
    expect(error.message).toContain('markPriceUpdate');
  });

  it('rejects a message without a kline object', () => {
    expectKlineError(() => klineFromWsMessage({ result: null, id: 1 }, 1), { kind: 'format', row: 1 });
    expectKlineError(() => klineFromWsMessage(42, 1), { kind: 'format', row: 1 });
  });

  it('rejects malformed JSON text', () => {
    expectKlineError(() => klineFromWsMessage('{"e":"kline",', 5, 'ws.jsonl'), { kind: 'format', row: 5, source: 'ws.jsonl' });
  });

  it('names the kline field of a bad value', () => {
    expectKlineError(() => klineFromWsMessage({ ...EVENT, k: { ...K, h: 'x' } }, 2), { kind: 'non-numeric', row: 2, field: 'high' });
  });
});
