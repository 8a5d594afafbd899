import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKlines } from '../../src/klines';

const HOUR = 3_600_000;
const positive = (max: number) => fc.double({ min: 0.0001, max, noNaN: true, noDefaultInfinity: true });
const bar = fc.record({ a: positive(1e6), b: positive(1e6), up: positive(1e3), down: positive(1e3), volume: positive(1e9) });
const rowsWithSteps = fc.array(fc.tuple(bar, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 40 });

describe('CSV parsing (property)', () => {
  it('round-trips any valid hourly OHLCV series and counts its missing bars', () => {
    fc.assert(
      fc.property(rowsWithSteps, (rows) => {
        let time = 1_700_000_000_000;
        let missing = 0;
        const expected: number[][] = [];
        rows.forEach(([{ a, b, up, down, volume }, step], index) => {
          expected.push([time, a, Math.max(a, b) + up, Math.max(0, Math.min(a, b) - down), b, volume]);
          time += step * HOUR;
          if (index < rows.length - 1) missing += step - 1;
        });
        const text = ['open_time,open,high,low,close,volume', ...expected.map((row) => row.join(','))].join('\n');
        const series = parseKlines(text, { intervalMs: HOUR });
        const columns = [series.openTime, series.open, series.high, series.low, series.close, series.volume];
        expect(expected.map((_, i) => columns.map((column) => column[i]))).toEqual(expected);
        expect(series.gaps.reduce((sum, gap) => sum + gap.missing, 0)).toBe(missing);
      }),
    );
  });
});
