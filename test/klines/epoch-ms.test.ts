import { describe, expect, it } from 'vitest';
import { toEpochMs } from '../../src/klines';

describe('toEpochMs', () => {
  it('keeps milliseconds', () => {
    expect(toEpochMs(1_737_504_000_000)).toBe(1_737_504_000_000);
  });

  it('scales seconds (lightweight-charts UTCTimestamp) up', () => {
    expect(toEpochMs(1_737_504_000)).toBe(1_737_504_000_000);
  });

  it('scales microseconds (Binance public data since 2025) down', () => {
    expect(toEpochMs(1_737_504_000_000_000)).toBe(1_737_504_000_000);
  });

  it('floors a microsecond close time so it stays one ms before the next bar', () => {
    expect(toEpochMs(1_737_507_599_999_999)).toBe(1_737_507_599_999);
  });
});
