import { describe, expect, it } from 'vitest';
import { BinanceError } from '../../src/binance/binance-error';
import { must } from '../helpers/must';
import { localFixture, recordedBody, sharedDataPresent } from './fake-binance-http';
import { startKit, type RestKit } from './rest-test-kit';

const haveShared = sharedDataPresent('Binance REST context bodies');

async function contextKit(): Promise<RestKit> {
  const kit = await startKit();
  kit.server.setBody('/fapi/v1/exchangeInfo', localFixture('exchange-info-binance-docs-shape.json'));
  kit.server.setBody('/fapi/v1/ticker/24hr', localFixture('ticker-24hr-binance-docs.json'));
  if (haveShared) {
    kit.server.setBody('/fapi/v1/premiumIndex', must(recordedBody('http_futures_market_premium_index.json'), 'the recorded premium index body'));
    kit.server.setBody('/fapi/v1/openInterest', must(recordedBody('http_futures_market_open_interest.json'), 'the recorded open interest body'));
    kit.server.setBody('/futures/data/openInterestHist', must(recordedBody('http_futures_market_open_interest_historical.json'), 'the recorded open interest history body'));
  }
  return kit;
}

describe('market context', () => {
  it('exchangeInfo: tick size from PRICE_FILTER, wherever it sits among the filters', async () => {
    const { client } = await contextKit();

    expect(await client.exchangeInfo('BTCUSDT')).toEqual({ symbol: 'BTCUSDT', tickSize: 0.1, status: 'TRADING' });
    expect(await client.exchangeInfo('ETHUSDT')).toEqual({ symbol: 'ETHUSDT', tickSize: 0.01, status: 'TRADING' });
  });

  it('exchangeInfo: one request for several symbols (the listing is cached)', async () => {
    const { server, client } = await contextKit();

    await client.exchangeInfo('BTCUSDT');
    await client.exchangeInfo('ETHUSDT');

    expect(server.requestsTo('/fapi/v1/exchangeInfo')).toHaveLength(1);
    expect(server.requests[0].query.toString()).toBe('');
  });

  it('exchangeInfo: a symbol not listed is a binance error -1121', async () => {
    const { client } = await contextKit();

    const error = await client.exchangeInfo('DOGEBTC').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BinanceError);
    expect((error as BinanceError).code).toBe(-1121);
    expect((error as BinanceError).message).toContain('DOGEBTC');
  });

  it.skipIf(!haveShared)('premiumIndex: mark price, index price and funding from the recorded body', async () => {
    const { server, client } = await contextKit();

    expect(await client.premiumIndex('BTCUSDT')).toEqual({
      symbol: 'BTCUSDT',
      markPrice: 11793.63104562,
      indexPrice: 11781.8049597,
      lastFundingRate: 0.00038246,
      nextFundingTime: 1597392000000,
      time: 1597370495002,
    });
    expect(server.requests[0].query.get('symbol')).toBe('BTCUSDT');
  });

  it.skipIf(!haveShared)('openInterest: contracts and time from the recorded body', async () => {
    const { client } = await contextKit();

    expect(await client.openInterest('BTCUSDT')).toEqual({ symbol: 'BTCUSDT', openInterest: 10659.509, time: 1589437530011 });
  });

  it.skipIf(!haveShared)('openInterestHist: points from the recorded body, whose timestamps are strings', async () => {
    const { server, client } = await contextKit();

    const points = await client.openInterestHist({ symbol: 'BTCUSDT', period: '5m', limit: 2 });

    expect(points).toEqual([
      { timestamp: 1583127900000, sumOpenInterest: 20403.637, sumOpenInterestValue: 150570784.07809979 },
      { timestamp: 1583128200000, sumOpenInterest: 20401.367, sumOpenInterestValue: 149940752.14464448 },
    ]);
    const query = server.requests[0].query;
    expect(server.requests[0].path).toBe('/futures/data/openInterestHist');
    expect([query.get('symbol'), query.get('period'), query.get('limit')]).toEqual(['BTCUSDT', '5m', '2']);
  });

  it('ticker24h: last price, change, range and quote volume', async () => {
    const { client } = await contextKit();

    expect(await client.ticker24h('BTCUSDT')).toEqual({
      symbol: 'BTCUSDT',
      lastPrice: 4.000002,
      priceChangePercent: -95.96,
      highPrice: 100,
      lowPrice: 0.1,
      quoteVolume: 15.3,
    });
  });

  it('a number field of the wrong shape: malformed naming the field', async () => {
    const { server, client } = await contextKit();
    server.fault({ body: '{"symbol":"BTCUSDT","markPrice":"n/a","indexPrice":"1","lastFundingRate":"0","nextFundingTime":1,"time":1}' });

    const error = (await client.premiumIndex('BTCUSDT').catch((e: unknown) => e)) as BinanceError;

    expect(error).toBeInstanceOf(BinanceError);
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('premiumIndex.markPrice');
    expect(error.message).toContain('"n/a"');
  });

  it('a missing field: malformed naming it', async () => {
    const { server, client } = await contextKit();
    server.fault({ body: '[{"symbol":"BTCUSDT","sumOpenInterest":"1","timestamp":1583127900000}]' });

    const error = (await client.openInterestHist({ symbol: 'BTCUSDT', period: '1h' }).catch((e: unknown) => e)) as BinanceError;

    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('openInterestHist[0].sumOpenInterestValue: missing');
  });
});
