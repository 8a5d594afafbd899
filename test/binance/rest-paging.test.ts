import { describe, expect, it } from 'vitest';
import type { KlineRangeProgress } from '../../src/binance/rest-kline-range';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { must } from '../helpers/must';
import { recordedBody, sharedCsvKlines, sharedDataPresent } from './fake-binance-http';
import { startKit } from './rest-test-kit';

const HOUR = 3_600_000;
const ETH_1H = 'ETHUSDT-PERP_1h_tjf_2020-2026.csv';
const haveShared = sharedDataPresent('Binance REST paging over real klines');
const ethKlines = haveShared ? sharedCsvKlines(ETH_1H) : undefined;

describe('klinesRange paging', () => {
  it.skipIf(!ethKlines)('pages 4000 bars of the real ETHUSDT 1h file in 3 requests, each bar once and in order', async () => {
    const all = must(ethKlines, `the klines of ${ETH_1H}`);
    expect(all.length).toBeGreaterThan(50_000);
    const { server, client } = await startKit();
    server.setKlines('ETHUSDT', '1h', all);
    const first = 20_000;
    const startTime = all[first].openTime;
    const endTime = all[first + 3999].openTime;

    const { klines, gaps, pages } = await client.klinesRange({ symbol: 'ETHUSDT', interval: '1h', startTime, endTime });

    expect(pages).toBe(3);
    expect(klines).toHaveLength(4000);
    expect(gaps).toEqual([]);
    klines.forEach((k, i) => {
      expect(k.openTime).toBe(all[first + i].openTime);
      expect(k.close).toBe(all[first + i].close);
    });
    const starts = server.requestsTo('/fapi/v1/klines').map((r) => Number(r.query.get('startTime')));
    expect(starts).toEqual([startTime, startTime + 1500 * HOUR, startTime + 3000 * HOUR]);
    expect(server.requestsTo('/fapi/v1/klines').every((r) => r.query.get('limit') === '1500')).toBe(true);
  });

  it('removes bars repeated across page boundaries', async () => {
    const source = syntheticKlines(3200, { seed: 7 });
    const { server, client } = await startKit();
    server.setKlines('BTCUSDT', '1h', source);
    // Pages 2 and 3 start 5 bars early, as an overlapping proxy or a re-sent boundary bar would.
    server.fault({ path: '/fapi/v1/klines' }, { path: '/fapi/v1/klines', rewindBars: 5 }, { path: '/fapi/v1/klines', rewindBars: 5 });

    const { klines } = await client.klinesRange({ symbol: 'BTCUSDT', interval: '1h', startTime: source[0].openTime });

    expect(klines.map((k) => k.openTime)).toEqual(source.map((k) => k.openTime));
  });

  it('reports a gap in the served data instead of failing', async () => {
    const source = syntheticKlines(2000, { seed: 3 });
    const served = [...source.slice(0, 1600), ...source.slice(1610)];
    const { server, client } = await startKit();
    server.setKlines('BTCUSDT', '1h', served);

    const { klines, gaps } = await client.klinesRange({
      symbol: 'BTCUSDT',
      interval: '1h',
      startTime: source[0].openTime,
      endTime: source[1999].openTime,
    });

    expect(klines).toHaveLength(1990);
    expect(gaps).toEqual([{ after: source[1599].openTime, before: source[1610].openTime, missing: 10 }]);
  });

  it('reports progress after each page, the total estimated from the range', async () => {
    const source = syntheticKlines(3200, { seed: 5 });
    const { server, client } = await startKit();
    server.setKlines('BTCUSDT', '1h', source);
    const progress: KlineRangeProgress[] = [];

    await client.klinesRange({
      symbol: 'BTCUSDT',
      interval: '1h',
      startTime: source[0].openTime,
      endTime: source[3199].openTime,
      onProgress: (p) => progress.push(p),
    });

    expect(progress).toEqual([
      { pagesDone: 1, pagesTotal: 3, bars: 1500 },
      { pagesDone: 2, pagesTotal: 3, bars: 3000 },
      { pagesDone: 3, pagesTotal: 3, bars: 3200 },
    ]);
  });

  it('stops at a short page when the range is open-ended', async () => {
    const source = syntheticKlines(1700, { seed: 9 });
    const { server, client } = await startKit();
    server.setKlines('BTCUSDT', '1h', source);

    const { klines, pages } = await client.klinesRange({ symbol: 'BTCUSDT', interval: '1h', startTime: source[0].openTime });

    expect(pages).toBe(2);
    expect(klines).toHaveLength(1700);
    expect(server.requestsTo('/fapi/v1/klines')[0].query.has('endTime')).toBe(false);
  });

  it('klinesLookback fetches the bars from now minus the lookback up to now', async () => {
    const source = syntheticKlines(400, { seed: 11 });
    const now = source[399].openTime + 20 * 60_000;
    const { server, client } = await startKit();
    server.setKlines('BTCUSDT', '1h', source);

    const { klines } = await client.klinesLookback({ symbol: 'BTCUSDT', interval: '1h', lookback: '7d', now });

    expect(klines).toHaveLength(168);
    expect(klines[0].openTime).toBe(source[232].openTime);
    expect(klines[167].openTime).toBe(source[399].openTime);
    const request = server.requestsTo('/fapi/v1/klines')[0].query;
    expect(Number(request.get('startTime'))).toBe(now - 7 * 24 * HOUR);
    expect(Number(request.get('endTime'))).toBe(now);
  });

  it('pages monthly bars by 1 ms past the last open time, since months differ in length', async () => {
    const opens = Array.from({ length: 1502 }, (_, i) => Date.UTC(2000, i, 1));
    const source = syntheticKlines(1502, { seed: 2 }).map((k, i) => ({ ...k, openTime: opens[i], closeTime: (opens[i + 1] ?? Date.UTC(2000, 1502, 1)) - 1 }));
    const { server, client } = await startKit();
    server.setKlines('BTCUSDT', '1M', source);

    const { klines, gaps } = await client.klinesRange({ symbol: 'BTCUSDT', interval: '1M', startTime: opens[0] });

    expect(klines.map((k) => k.openTime)).toEqual(opens);
    expect(gaps).toEqual([]);
    expect(Number(server.requestsTo('/fapi/v1/klines')[1].query.get('startTime'))).toBe(opens[1499] + 1);
  });
});

describe('klines', () => {
  it.skipIf(!haveShared)('parses the recorded REST kline body exactly', async () => {
    const body = must(recordedBody('http_spot_market_klines.json'), 'the recorded klines body');
    const rows = JSON.parse(body) as unknown[][];
    const { server, client } = await startKit();
    server.setKlines('BTCUSDT', '1m', rows);

    const klines = await client.klines({ symbol: 'BTCUSDT', interval: '1m', limit: 10 });

    expect(klines).toHaveLength(10);
    expect(klines[0]).toEqual({
      openTime: 1634943780000,
      open: 60685.22,
      high: 60729.84,
      low: 60670.9,
      close: 60719.27,
      volume: 21.63272,
      closeTime: 1634943839999,
      quoteVolume: 1313200.0134041,
      trades: 617,
      takerBuyBase: 12.28492,
      takerBuyQuote: 745719.4102284,
    });
    expect(klines[9].openTime).toBe(1634944320000);
    expect(server.requestsTo('/fapi/v1/klines')[0].query.get('limit')).toBe('10');
  });
});
