import { describe, expect, it } from 'vitest';
import { BinanceRestClient } from '../../src/binance/rest-client';
import { startKit } from './rest-test-kit';
import type { OpenInterestPeriod } from '../../src/binance/rest-validate';

describe('arguments are checked before any request', () => {
  it('a bad interval is a RangeError listing the valid ones, with no request', async () => {
    const { server, client } = await startKit();

    await expect(client.klines({ symbol: 'BTCUSDT', interval: '1H' })).rejects.toThrow(/invalid Binance interval "1H".*1m 3m 5m/);
    await expect(client.klinesRange({ symbol: 'BTCUSDT', interval: '10m', startTime: 0 })).rejects.toBeInstanceOf(RangeError);
    expect(server.requests).toHaveLength(0);
  });

  it('a bad symbol is a RangeError, suggesting the upper-case spelling, with no request', async () => {
    const { server, client } = await startKit();

    await expect(client.klines({ symbol: 'btcusdt', interval: '1h' })).rejects.toThrow(/did you mean "BTCUSDT"/);
    await expect(client.premiumIndex('BTC/USDT')).rejects.toBeInstanceOf(RangeError);
    await expect(client.exchangeInfo('B')).rejects.toBeInstanceOf(RangeError);
    await expect(client.ticker24h('A'.repeat(31))).rejects.toBeInstanceOf(RangeError);
    await expect(client.openInterest('')).rejects.toBeInstanceOf(RangeError);
    expect(server.requests).toHaveLength(0);
  });

  it('a limit outside 1..1500 (klines) or 1..500 (open interest) is a RangeError, with no request', async () => {
    const { server, client } = await startKit();

    await expect(client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 1501 })).rejects.toThrow(/1 to 1500/);
    await expect(client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(client.openInterestHist({ symbol: 'BTCUSDT', period: '5m', limit: 501 })).rejects.toThrow(/1 to 500/);
    expect(server.requests).toHaveLength(0);
  });

  it('a bad open-interest period, time range or lookback is a RangeError, with no request', async () => {
    const { server, client } = await startKit();

    await expect(client.openInterestHist({ symbol: 'BTCUSDT', period: '3m' as OpenInterestPeriod })).rejects.toThrow(/5m 15m 30m/);
    await expect(client.klines({ symbol: 'BTCUSDT', interval: '1h', startTime: 2000, endTime: 1000 })).rejects.toThrow(/after endTime/);
    await expect(client.klines({ symbol: 'BTCUSDT', interval: '1h', startTime: Number.NaN })).rejects.toBeInstanceOf(RangeError);
    await expect(client.klinesLookback({ symbol: 'BTCUSDT', interval: '1h', lookback: '7 days' })).rejects.toBeInstanceOf(RangeError);
    await expect(client.klinesLookback({ symbol: 'BTCUSDT', interval: '1h', lookback: -1 })).rejects.toBeInstanceOf(RangeError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('client options', () => {
  it('an unknown option is a RangeError naming it and the known one it is closest to', () => {
    expect(() => new BinanceRestClient({ retires: 2 } as never)).toThrow(new RangeError("BinanceRestClient options: unknown option 'retires' (did you mean 'retries'?)"));
  });
});
