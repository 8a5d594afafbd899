import { describe, expect, it } from 'vitest';
import { BINANCE_INTERVALS, intervalToMs, isBinanceInterval, msToInterval, parseDuration } from '../../src/klines';

describe('intervalToMs', () => {
  it('converts every Binance interval', () => {
    expect(BINANCE_INTERVALS.map(intervalToMs)).toEqual([
      60_000, 180_000, 300_000, 900_000, 1_800_000,
      3_600_000, 7_200_000, 14_400_000, 21_600_000, 28_800_000, 43_200_000,
      86_400_000, 259_200_000, 604_800_000, 2_592_000_000,
    ]);
  });

  it('treats 1M as a nominal 30-day month and 1m as a minute', () => {
    expect(intervalToMs('1M')).toBe(30 * 86_400_000);
    expect(intervalToMs('1m')).toBe(60_000);
  });

  it('rejects intervals Binance does not offer', () => {
    expect(() => intervalToMs('2m')).toThrow(/unknown Binance interval "2m"/);
    expect(() => intervalToMs('1H')).toThrow(RangeError);
  });
});

describe('msToInterval', () => {
  it('round-trips every Binance interval', () => {
    for (const name of BINANCE_INTERVALS) expect(msToInterval(intervalToMs(name))).toBe(name);
  });

  it('maps 28 to 31 whole days to 1M', () => {
    expect(msToInterval(28 * 86_400_000)).toBe('1M');
    expect(msToInterval(31 * 86_400_000)).toBe('1M');
  });

  it('returns undefined for other spans', () => {
    expect(msToInterval(120_000)).toBeUndefined();
    expect(msToInterval(0)).toBeUndefined();
  });
});

describe('isBinanceInterval', () => {
  it('accepts only Binance interval strings', () => {
    expect(isBinanceInterval('4h')).toBe(true);
    expect(isBinanceInterval('4H')).toBe(false);
    expect(isBinanceInterval(4)).toBe(false);
  });
});

describe('parseDuration', () => {
  it('parses lookbacks in minutes, hours, days, weeks, months and years', () => {
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    expect(parseDuration('1M')).toBe(30 * 86_400_000);
    expect(parseDuration('3M')).toBe(90 * 86_400_000);
    expect(parseDuration('1y')).toBe(365 * 86_400_000);
  });

  it('accepts surrounding whitespace and decimals', () => {
    expect(parseDuration(' 1.5h ')).toBe(90 * 60_000);
  });

  it.each(['', '7', 'd', '-1d', '0d', '7x', '1 day', 'NaNd'])('rejects %j with a clear error', (text) => {
    expect(() => parseDuration(text)).toThrow(/invalid duration/);
  });
});
