import { describe, expect, it } from 'vitest';
import { canCoarsen, coarsenSeries } from '../../demo/server/coarser-series.mjs';
import { toKlineSeries } from '../../src/klines/to-series';

const HOUR = 3_600_000;
const DAY_START = Date.UTC(2025, 0, 1);

/** Hourly bars from `from` hours after midnight; bar i opens at 100+i and closes at 101+i. */
function hourly(from: number, count: number, skip: number[] = []) {
  const bars = [];
  for (let i = from; i < from + count; i++) {
    if (skip.includes(i)) continue;
    bars.push({ openTime: DAY_START + i * HOUR, open: 100 + i, high: 102 + i, low: 99 + i, close: 101 + i, volume: 10, quoteVolume: 1000 });
  }
  return toKlineSeries(bars, { intervalMs: HOUR });
}

describe('coarser bars from a finer recording', () => {
  it('makes each 4h bar from its four hours: first open, last close, extremes, summed volumes', () => {
    const series = coarsenSeries(hourly(0, 8), 4 * HOUR);
    expect(series.length).toBe(2);
    expect(series.intervalMs).toBe(4 * HOUR);
    expect([series.openTime[1], series.open[1], series.high[1], series.low[1], series.close[1], series.volume[1], series.quoteVolume[1]]).toEqual([
      DAY_START + 4 * HOUR, 104, 109, 103, 108, 40, 4000,
    ]);
  });

  it('leaves out a bucket the recording starts inside of, rather than a partial bar', () => {
    const series = coarsenSeries(hourly(2, 6), 4 * HOUR);
    expect(Array.from(series.openTime)).toEqual([DAY_START + 4 * HOUR]);
  });

  it('leaves out a bucket with a missing hour', () => {
    const series = coarsenSeries(hourly(0, 8, [5]), 4 * HOUR);
    expect(Array.from(series.openTime)).toEqual([DAY_START]);
  });

  it('only coarsens to a whole multiple of the finer interval', () => {
    expect(canCoarsen(HOUR, 4 * HOUR)).toBe(true);
    expect(canCoarsen(4 * HOUR, HOUR)).toBe(false);
    expect(canCoarsen(15 * 60_000, 50 * 60_000)).toBe(false);
    expect(() => coarsenSeries(hourly(0, 8), 90 * 60_000)).toThrow(/cannot make 5400000 ms bars from 3600000 ms bars/);
  });
});
