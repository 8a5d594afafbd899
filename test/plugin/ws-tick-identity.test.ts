import { describe, expect, it } from 'vitest';
import { HeatmapDataController } from '../../plugin/heatmap-data-controller';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { wsKlineIdentity } from '../../src/klines/ws-kline-identity';

const KLINES = syntheticKlines(200, { seed: 5, price: 100, intervalMs: 3_600_000 });
const last = KLINES[KLINES.length - 1];

/** A Binance kline websocket message for the bar after the last one. */
function message(symbol: string, interval: string, close = last.close) {
  const t = last.openTime + 3_600_000;
  return { e: 'kline', E: t + 1000, s: symbol, k: { t, T: t + 3_599_999, s: symbol, i: interval, o: String(last.close), h: String(close + 1), l: String(close - 1), c: String(close), v: '10', x: false } };
}

function controller(): HeatmapDataController {
  const data = new HeatmapDataController({}, () => undefined);
  data.setData(KLINES);
  return data;
}

describe('websocket ticks are checked against the market they feed', () => {
  it('reads the symbol and interval a kline message names, raw, wrapped or as text, and nothing from other forms', () => {
    expect(wsKlineIdentity(message('BTCUSDT', '1h'))).toEqual({ symbol: 'BTCUSDT', interval: '1h' });
    expect(wsKlineIdentity({ stream: 'btcusdt@kline_1h', data: message('BTCUSDT', '1h') })).toEqual({ symbol: 'BTCUSDT', interval: '1h' });
    expect(wsKlineIdentity(JSON.stringify(message('ETHUSDT', '15m')))).toEqual({ symbol: 'ETHUSDT', interval: '15m' });
    expect(wsKlineIdentity([last.openTime, '1', '2', '0.5', '1.5', '10'])).toEqual({});
    expect(wsKlineIdentity(last)).toEqual({});
  });

  it('refuses a kline message of another interval than the klines drawn, naming the field, and changes nothing', () => {
    const data = controller();
    const before = data.model.klines.length;
    expect(() => data.update(message('BTCUSDT', '15m'))).toThrow(/update, field k\.i: a 15m kline for a heatmap of 1h klines/);
    expect(data.model.klines.length).toBe(before);
  });

  it('refuses a tick of another symbol than the stream\'s earlier ticks, and takes any symbol again after new data', () => {
    const data = controller();
    expect(data.update(message('BTCUSDT', '1h'))).not.toBe('stale');
    const close = data.model.klines.close[data.model.klines.length - 1];
    expect(() => data.update(message('ETHUSDT', '1h', 3000))).toThrow(/update, field s: a ETHUSDT kline for a heatmap fed BTCUSDT ticks/);
    expect(data.model.klines.close[data.model.klines.length - 1]).toBe(close);
    data.setData(KLINES);
    expect(() => data.update(message('ETHUSDT', '1h'))).not.toThrow();
  });
});
