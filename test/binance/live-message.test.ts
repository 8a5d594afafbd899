import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLiveMessage } from '../../src/binance/live-message';
import { liveStreamNames } from '../../src/binance/live-stream-url';
import { KlineError } from '../../src/klines/kline-error';
import { sharedFile } from '../helpers/shared-data';
import { markPriceTemplate } from './live-fake-stream';

const RECORDED = sharedFile('ws/cryptofeed_BINANCE_FUTURES_kline_1m_stream.jsonl', 'recorded futures kline stream test');
const CLOSED = sharedFile('ws/nautilus_kline_stream_closed.json', 'recorded closed kline event test');

describe('parseLiveMessage', () => {
  it.skipIf(!RECORDED.present)('reads the recorded combined futures stream: its own stream as klines, others ignored', () => {
    const names = liveStreamNames('CTKUSDT', '1m');
    const lines = readFileSync(RECORDED.path, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const kinds = lines.map((line) => {
      const raw = (JSON.parse(line) as { raw: string }).raw;
      const message = parseLiveMessage(raw, names);
      const stream = (JSON.parse(raw) as { stream: string }).stream;
      expect(message.kind).toBe(stream === 'ctkusdt@kline_1m' ? 'kline' : 'other');
      if (message.kind === 'kline') {
        expect(message.kline.closeTime).toBe(message.kline.openTime + 59_999);
        expect(message.eventTime).toBeGreaterThan(message.kline.openTime);
        expect(typeof message.kline.closed).toBe('boolean');
      }
      return message.kind;
    });
    expect(kinds.filter((kind) => kind === 'kline').length).toBeGreaterThan(10);
  });

  it.skipIf(!CLOSED.present)('reads a bare kline event (no combined wrapper) with x:true as closed', () => {
    const message = parseLiveMessage(readFileSync(CLOSED.path, 'utf8'), liveStreamNames('BTCUSDT', '1m'));
    expect(message).toMatchObject({ kind: 'kline', eventTime: 1638747660000, kline: { openTime: 1638747660000, close: 0.002, closed: true } });
  });

  it('reads a mark-price update, also from UTF-8 bytes', () => {
    const names = liveStreamNames('BTCUSDT', '1m');
    const text = JSON.stringify({ stream: names.markPrice, data: markPriceTemplate() });
    const expected = { kind: 'markPrice', update: { time: 1562305380000, markPrice: 11794.15, fundingRate: 0.00038167 } };
    expect(parseLiveMessage(text, names)).toEqual(expected);
    expect(parseLiveMessage(Buffer.from(text), names)).toEqual(expected);
    expect(parseLiveMessage('{"result":null,"id":1}', names)).toEqual({ kind: 'other' });
  });

  it('throws a KlineError for malformed JSON or a bad value', () => {
    const names = liveStreamNames('BTCUSDT', '1m');
    expect(() => parseLiveMessage('{"stream":', names)).toThrow(KlineError);
    const bad = JSON.stringify({ stream: names.markPrice, data: { ...markPriceTemplate(), p: 'abc' } });
    expect(() => parseLiveMessage(bad, names)).toThrow(/field p/);
  });
});
