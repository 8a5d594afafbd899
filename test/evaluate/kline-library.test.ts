import { describe, expect, it } from 'vitest';
import { KlineLibrary, symbolOfFile } from '../../src/evaluate/kline-library';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { aggregateSeries } from '../../src/klines/aggregate-series';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const klines = syntheticKlines(24 * 40, { price: 100, volatility: 0.004 });
const start = klines[0].openTime;

describe('choosing klines per window', () => {
  it('reads the symbol and market from the file name', () => {
    expect(symbolOfFile('1000PEPEUSDT-PERP_1h_harthor_2024-12-31_2026-02-19.csv')).toEqual({ symbol: '1000PEPEUSDT', market: 'perp' });
    expect(symbolOfFile('BTCUSDT-SPOT_1h_bianV2.csv')).toEqual({ symbol: 'BTCUSDT', market: 'spot' });
    expect(symbolOfFile('klines.csv').symbol).toBeNull();
  });

  it('joins two files of one symbol, so a window whose history spans both is covered', () => {
    const first = { file: 'a.csv', symbol: 'ETHUSDT', market: 'perp' as const, series: toKlineSeries(klines.slice(0, 24 * 20)) };
    const second = { file: 'b.csv', symbol: 'ETHUSDT', market: 'perp' as const, series: toKlineSeries(klines.slice(24 * 20 - 5)) };
    const choice = new KlineLibrary([second, first]).choose('ETHUSDT', start + 21 * DAY, 10 * DAY, 2 * HOUR);
    expect(choice?.files).toEqual(['a.csv', 'b.csv']);
    expect(choice?.series.length).toBe(klines.length);
  });

  it('prefers the series with more history before the window, then perpetual over spot', () => {
    const short = { file: 'short.csv', symbol: 'ETHUSDT', market: 'perp' as const, series: toKlineSeries(klines.slice(24 * 25)) };
    const long = { file: 'long-spot.csv', symbol: 'ETHUSDT', market: 'spot' as const, series: toKlineSeries(klines) };
    const perp = { file: 'long-perp.csv', symbol: 'ETHUSDT', market: 'perp' as const, series: toKlineSeries(klines) };
    const library = new KlineLibrary([short, long]);
    expect(library.choose('ETHUSDT', start + 30 * DAY, 10 * DAY, 2 * HOUR)?.files).toEqual(['long-spot.csv']);
    expect(new KlineLibrary([long, perp]).choose('ETHUSDT', start + 30 * DAY, 10 * DAY, 2 * HOUR)?.files).toEqual(['long-perp.csv']);
  });

  it('among files covering the lookback equally, scores on 1h klines rather than daily or 15m ones', () => {
    const hourly = { file: 'h.csv', symbol: 'ETHUSDT', market: 'perp' as const, series: toKlineSeries(klines) };
    const daily = { file: 'd.csv', symbol: 'ETHUSDT', market: 'perp' as const, series: aggregateSeries(toKlineSeries(klines), DAY) };
    const quarter = syntheticKlines(4 * 24 * 40, { price: 100, volatility: 0.002, intervalMs: HOUR / 4, start });
    const quarters = { file: 'q.csv', symbol: 'ETHUSDT', market: 'perp' as const, series: toKlineSeries(quarter) };
    expect(new KlineLibrary([daily, hourly, quarters]).choose('ETHUSDT', start + 30 * DAY, 10 * DAY, 2 * HOUR)?.files).toEqual(['h.csv']);
  });

  it('finds nothing for another symbol, a window after the data or one in a gap between files', () => {
    const a = { file: 'a.csv', symbol: 'ETHUSDT', market: 'perp' as const, series: toKlineSeries(klines.slice(0, 24 * 10)) };
    const b = { file: 'b.csv', symbol: 'ETHUSDT', market: 'perp' as const, series: toKlineSeries(klines.slice(24 * 30)) };
    const library = new KlineLibrary([a, b]);
    expect(library.choose('BTCUSDT', start + 5 * DAY, 10 * DAY, 2 * HOUR)).toBeNull();
    expect(library.choose('ETHUSDT', start + 50 * DAY, 10 * DAY, 2 * HOUR)).toBeNull();
    expect(library.choose('ETHUSDT', start + 20 * DAY, 10 * DAY, 2 * HOUR)).toBeNull();
    expect(library.choose('ETHUSDT', start + 35 * DAY, 10 * DAY, 2 * HOUR)?.files).toEqual(['a.csv', 'b.csv']);
  });
});
