import { describe, expect, it } from 'vitest';
import { ColumnTimeMap } from '../../plugin/column-time-map';
import { must } from '../helpers/must';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const SPACING = 10;

/** A time scale whose points are `seconds` (sorted): point i at logical i, x = i * SPACING. */
function timeScale(seconds: number[]) {
  return {
    timeToIndex: (time: unknown) => {
      const i = seconds.indexOf(time as number);
      return i < 0 ? null : i;
    },
    logicalToCoordinate: (logical: number) => logical * SPACING,
  } as never;
}

/** Like {@link timeScale}, with lightweight-charts' `findNearest` (the next point, or the last) and a count of lookups. */
function countingTimeScale(seconds: number[]) {
  const calls = { count: 0 };
  const scale = {
    timeToIndex: (time: number, findNearest = false) => {
      calls.count++;
      const exact = seconds.indexOf(time);
      if (exact >= 0 || !findNearest) return exact < 0 ? null : exact;
      const next = seconds.findIndex((s) => s > time);
      return next < 0 ? seconds.length - 1 : next;
    },
    logicalToCoordinate: (logical: number) => logical * SPACING,
  };
  return { scale: scale as never, calls };
}

const hours = (from: number, count: number) => Array.from({ length: count }, (_, i) => T0 + (from + i) * HOUR);
const secondsOf = (ms: number[]) => ms.map((t) => t / 1000);

function placed(chartMs: number[], klineMs: number[], intervalMs = HOUR) {
  const map = new ColumnTimeMap();
  const openTimes = Float64Array.from(klineMs);
  const scale = timeScale(secondsOf(chartMs));
  map.sync(scale, openTimes, openTimes.length, 1);
  return { map, placement: map.place(scale, 0, chartMs.length, openTimes, intervalMs) };
}

describe('column time map', () => {
  it('puts each column on the bar with its open time when the chart has bars the klines lack', () => {
    const chart = hours(0, 10);
    const klines = [...hours(0, 3), ...hours(6, 4)];
    const { map, placement } = placed(chart, klines);
    expect(klines.map((_, c) => map.indexOf(c))).toEqual([0, 1, 2, 6, 7, 8, 9]);
    expect(must(placement, 'a placement').runs).toEqual([
      { firstColumn: 0, endColumn: 3, columnWidth: SPACING, x0: -SPACING / 2 },
      { firstColumn: 3, endColumn: 7, columnWidth: SPACING, x0: 6 * SPACING - SPACING / 2 - 3 * SPACING },
    ]);
  });

  it('leaves out columns whose bar the chart lacks, and the columns after them stay on their own bars', () => {
    const chart = [...hours(0, 3), ...hours(6, 4)];
    const { map, placement } = placed(chart, hours(0, 10));
    expect([0, 2, 3, 5, 6, 9].map((c) => map.indexOf(c))).toEqual([0, 2, null, null, 3, 6]);
    expect(must(placement, 'a placement').runs.map((r) => [r.firstColumn, r.endColumn])).toEqual([
      [0, 3],
      [6, 10],
    ]);
  });

  it('with half-hour points from another series a 1h column spans its bar and the half hour after it', () => {
    const chart = Array.from({ length: 20 }, (_, i) => T0 + i * (HOUR / 2));
    const { placement } = placed(chart, hours(0, 10));
    expect(must(placement, 'a placement').runs).toEqual([{ firstColumn: 0, endColumn: 10, columnWidth: 2 * SPACING, x0: -SPACING / 2 }]);
  });

  it('places nothing and names the problem when no kline time is a bar time (shifted by 5.5 h)', () => {
    const { map, placement } = placed(hours(0, 10).map((t) => t + 19_800_000), hours(0, 10));
    expect(placement).toBeNull();
    expect(map.problem).toMatchObject({ kind: 'no-match', klines: 10, matched: 0, exampleKline: T0 });
  });

  it('refuses klines finer than the bars (1h klines on daily bars): nothing placed, problem named', () => {
    const days = Array.from({ length: 5 }, (_, i) => T0 + i * 24 * HOUR);
    const { map, placement } = placed(days, hours(0, 5 * 24));
    expect(placement).toBeNull();
    expect(map.problem).toMatchObject({ kind: 'finer-than-bars', matched: 5, between: 4 * 23, exampleKline: T0 + HOUR });
  });

  it('names klines half as long as the bars finer too (15m klines on 30m bars: one between each pair)', () => {
    const bars = Array.from({ length: 6 }, (_, i) => T0 + i * 1_800_000);
    const quarters = Array.from({ length: 12 }, (_, i) => T0 + i * 900_000);
    const { map } = placed(bars, quarters);
    expect(map.problem).toMatchObject({ kind: 'finer-than-bars', matched: 6, between: 5 });
  });

  it('skips the columns before the first bar (a warm-up) with a binary search, not a lookup each', () => {
    const { scale, calls } = countingTimeScale(secondsOf(hours(600, 100)));
    const openTimes = Float64Array.from(hours(0, 700));
    const map = new ColumnTimeMap();
    map.sync(scale, openTimes, 700, 1);
    expect(map.indexOf(599)).toBeNull();
    expect(map.indexOf(600)).toBe(0);
    expect(map.indexOf(699)).toBe(99);
    expect(calls.count).toBeLessThan(100 + 2 * 12);
  });

  it('maps again when the time scale gained points before the columns (another series added times)', () => {
    const map = new ColumnTimeMap();
    const openTimes = Float64Array.from(hours(0, 5));
    map.sync(timeScale(secondsOf(hours(0, 5))), openTimes, 5, 1);
    expect(map.indexOf(4)).toBe(4);
    map.sync(timeScale(secondsOf(hours(-3, 8))), openTimes, 5, 1);
    expect(map.indexOf(0)).toBe(3);
    expect(map.indexOf(4)).toBe(7);
  });

  it('places only the columns in the visible logical range, partly visible bars included', () => {
    const chart = hours(0, 100);
    const map = new ColumnTimeMap();
    const openTimes = Float64Array.from(chart);
    const scale = timeScale(secondsOf(chart));
    map.sync(scale, openTimes, 100, 1);
    const placement = must(map.place(scale, 40.5, 60.2, openTimes, HOUR), 'a placement');
    expect([placement.firstColumn, placement.endColumn]).toEqual([40, 62]);
  });

  it("a new bar's candle arriving after its kline is placed once the series' data changes, looking up only the tail", () => {
    const chartMs = hours(0, 1000);
    const seconds = secondsOf(chartMs);
    let lookups = 0;
    const scale = {
      timeToIndex: (time: unknown) => {
        lookups++;
        const i = seconds.indexOf(time as number);
        return i < 0 ? null : i;
      },
      logicalToCoordinate: (logical: number) => logical * SPACING,
    } as never;
    const map = new ColumnTimeMap();
    const openTimes = Float64Array.from([...chartMs, T0 + 1000 * HOUR]);
    map.sync(scale, openTimes, 1001, 1);
    expect(map.indexOf(1000)).toBeNull();
    seconds.push((T0 + 1000 * HOUR) / 1000);
    lookups = 0;
    map.sync(scale, openTimes, 1001, 1);
    expect(map.indexOf(1000)).toBeNull();
    expect(lookups).toBe(2);
    map.invalidate();
    lookups = 0;
    map.sync(scale, openTimes, 1001, 1);
    expect(map.indexOf(1000)).toBe(1000);
    expect(lookups).toBeLessThanOrEqual(3);
  });
});
