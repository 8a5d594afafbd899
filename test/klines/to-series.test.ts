import { describe, expect, it } from 'vitest';
import { toKlineSeries, type Kline } from '../../src/klines';
import { expectKlineError } from './expect-kline-error';

const T0 = 1_737_504_000_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

function bar(openTime: number, overrides: Partial<Kline> = {}): Kline {
  return { openTime, open: 100, high: 110, low: 90, close: 105, volume: 5, ...overrides };
}

function hourly(count: number): Kline[] {
  return Array.from({ length: count }, (_, i) => bar(T0 + i * HOUR));
}

describe('toKlineSeries', () => {
  it('stores klines as typed columns', () => {
    const series = toKlineSeries([bar(T0, { quoteVolume: 500, takerBuyBase: 2, takerBuyQuote: 200, trades: 7 }), bar(T0 + HOUR)]);
    expect(series.length).toBe(2);
    expect(series.openTime).toBeInstanceOf(Float64Array);
    expect([...series.openTime]).toEqual([T0, T0 + HOUR]);
    expect([...series.close]).toEqual([105, 105]);
    expect([series.quoteVolume[0], series.takerBuyBase[0], series.takerBuyQuote[0], series.trades[0]]).toEqual([500, 2, 200, 7]);
  });

  it('stores missing optional fields as NaN, never zero', () => {
    const series = toKlineSeries([bar(T0, { quoteVolume: undefined }), bar(T0 + HOUR, { quoteVolume: 0 })]);
    expect(series.quoteVolume[0]).toBeNaN();
    expect(series.quoteVolume[1]).toBe(0);
    expect(series.trades[1]).toBeNaN();
  });

  it('infers the interval as the most common spacing', () => {
    const klines = [...hourly(3), bar(T0 + 5 * HOUR), bar(T0 + 6 * HOUR)];
    expect(toKlineSeries(klines).intervalMs).toBe(HOUR);
  });

  it('breaks a spacing tie towards the smaller interval', () => {
    expect(toKlineSeries([bar(0 + T0), bar(T0 + HOUR), bar(T0 + 3 * HOUR)]).intervalMs).toBe(HOUR);
  });

  it('uses a given interval', () => {
    const series = toKlineSeries([bar(T0), bar(T0 + 2 * HOUR)], { intervalMs: HOUR });
    expect(series.intervalMs).toBe(HOUR);
    expect(series.gaps).toEqual([{ after: T0, before: T0 + 2 * HOUR, missing: 1 }]);
  });

  it('takes a single bar interval from its close time', () => {
    expect(toKlineSeries([bar(T0, { closeTime: T0 + HOUR - 1 })]).intervalMs).toBe(HOUR);
  });

  it('reports interval 0 for a single bar without close time', () => {
    expect(toKlineSeries([bar(T0)]).intervalMs).toBe(0);
  });

  it('reports gaps of whole missing bars without failing', () => {
    const klines = [bar(T0), bar(T0 + HOUR), bar(T0 + 4 * HOUR), bar(T0 + 5 * HOUR), bar(T0 + 7 * HOUR)];
    expect(toKlineSeries(klines).gaps).toEqual([
      { after: T0 + HOUR, before: T0 + 4 * HOUR, missing: 2 },
      { after: T0 + 5 * HOUR, before: T0 + 7 * HOUR, missing: 1 },
    ]);
  });

  it('normalises second and microsecond open times to ms', () => {
    const series = toKlineSeries([bar(T0 / 1000), bar((T0 + HOUR) * 1000, { closeTime: (T0 + 2 * HOUR) * 1000 - 1 })]);
    expect([...series.openTime]).toEqual([T0, T0 + HOUR]);
    expect(series.intervalMs).toBe(HOUR);
  });

  it('accepts calendar months of 28 to 31 days as one monthly bar each', () => {
    const opens = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01'].map((d) => Date.parse(d));
    const klines = opens.map((t, i) => bar(t, { closeTime: (opens[i + 1] ?? Date.parse('2024-06-01')) - 1 }));
    const series = toKlineSeries(klines);
    expect(series.intervalMs).toBe(30 * DAY);
    expect(series.gaps).toEqual([]);
  });

  it('reports a missing month as a gap', () => {
    const opens = ['2024-01-01', '2024-02-01', '2024-04-01', '2024-05-01'].map((d) => Date.parse(d));
    expect(toKlineSeries(opens.map((t) => bar(t))).gaps).toEqual([{ after: opens[1], before: opens[2], missing: 1 }]);
  });

  it('accepts a close time with second resolution', () => {
    expect(() => toKlineSeries([bar(T0, { closeTime: T0 + HOUR - 1000 }), bar(T0 + HOUR)])).not.toThrow();
  });
});

describe('toKlineSeries errors', () => {
  const source = 'klines.csv';

  it('rejects empty input', () => {
    expectKlineError(() => toKlineSeries([], { source }), { kind: 'empty', source });
  });

  it.each(['open', 'high', 'low', 'close', 'volume', 'quoteVolume', 'takerBuyBase', 'takerBuyQuote', 'trades'] as const)(
    'rejects a negative %s',
    (field) => {
      const klines = hourly(3);
      klines[1] = { ...klines[1], [field]: -1 };
      const error = expectKlineError(() => toKlineSeries(klines, { source }), { kind: 'negative', row: 2, field, source });
      expect(error.message).toContain('negative value -1');
    },
  );

  it('rejects a high below the body', () => {
    const klines = hourly(3);
    klines[2] = { ...klines[2], high: 104 };
    expectKlineError(() => toKlineSeries(klines, { source }), { kind: 'high-below-body', row: 3, field: 'high', source });
  });

  it('rejects a high below the low', () => {
    const klines = hourly(2);
    klines[0] = { ...klines[0], open: 100, close: 100, high: 100, low: 101 };
    const error = expectKlineError(() => toKlineSeries(klines, { source }), { kind: 'high-below-body', row: 1, field: 'high', source });
    expect(error.message).toContain('below low 101');
  });

  it('rejects a low above the body', () => {
    const klines = hourly(3);
    klines[1] = { ...klines[1], low: 101 };
    expectKlineError(() => toKlineSeries(klines, { source }), { kind: 'low-above-body', row: 2, field: 'low', source });
  });

  it('rejects a repeated open time as duplicate', () => {
    const klines = [...hourly(3), bar(T0 + 2 * HOUR)];
    expectKlineError(() => toKlineSeries(klines, { source }), { kind: 'duplicate', row: 4, field: 'openTime', source });
  });

  it('rejects a decreasing open time as unsorted', () => {
    const klines = [...hourly(3), bar(T0 + HOUR)];
    const error = expectKlineError(() => toKlineSeries(klines, { source }), { kind: 'unsorted', row: 4, field: 'openTime', source });
    expect(error.message).toContain('oldest first');
  });

  it('rejects a spacing that is not a whole number of intervals', () => {
    const klines = [...hourly(4), bar(T0 + 4.5 * HOUR)];
    expectKlineError(() => toKlineSeries(klines, { source }), { kind: 'mixed-interval', row: 5, field: 'openTime', source });
  });

  it('rejects a close time that disagrees with the interval', () => {
    const klines = hourly(4);
    klines[2] = { ...klines[2], closeTime: klines[2].openTime + 4 * HOUR - 1 };
    expectKlineError(() => toKlineSeries(klines, { source }), { kind: 'mixed-interval', row: 3, field: 'closeTime', source });
  });

  it('rejects a spacing that does not fit the given interval', () => {
    expectKlineError(() => toKlineSeries(hourly(2), { source, intervalMs: 4 * HOUR }), {
      kind: 'mixed-interval',
      row: 2,
      field: 'openTime',
      source,
    });
  });

  it('rejects a non-finite value', () => {
    const klines = hourly(2);
    klines[1] = { ...klines[1], close: Number.NaN };
    expectKlineError(() => toKlineSeries(klines, { source }), { kind: 'non-numeric', row: 2, field: 'close', source });
  });

  it('reports the row numbers carried from the source', () => {
    const klines = [...hourly(2), bar(T0)];
    expectKlineError(() => toKlineSeries(klines, { source, rows: [2, 3, 7] }), { kind: 'unsorted', row: 7, field: 'openTime', source });
  });

  it('rejects a non-positive given interval', () => {
    expect(() => toKlineSeries(hourly(2), { intervalMs: 0 })).toThrow(RangeError);
  });
});
