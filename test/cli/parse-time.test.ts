import { describe, expect, it } from 'vitest';
import { parseTime } from '../../src/cli/parse-time';

const T = Date.UTC(2025, 0, 27, 12, 30);

describe('parseTime (--at TIME)', () => {
  it('reads digits as epoch ms', () => {
    expect(parseTime(String(T))).toBe(T);
  });

  it('reads ten digits as epoch seconds', () => {
    expect(parseTime(String(T / 1000))).toBe(T);
  });

  it('reads an ISO date as UTC midnight', () => {
    expect(parseTime('2025-01-27')).toBe(Date.UTC(2025, 0, 27));
  });

  it('reads an ISO time without a zone as UTC, with T or a space', () => {
    expect(parseTime('2025-01-27T12:30')).toBe(T);
    expect(parseTime('2025-01-27 12:30:00')).toBe(T);
  });

  it('honours Z, offsets and milliseconds', () => {
    expect(parseTime('2025-01-27T12:30:00.000Z')).toBe(T);
    expect(parseTime('2025-01-27T14:30+02:00')).toBe(T);
    expect(parseTime('2025-01-27T07:00:00.250-0530')).toBe(T + 250);
  });

  for (const text of ['foo 2025-01-27', 'junk 1 27 2025', '2025', '1 27 2025', 'Jan 27 2025', '2025-01-27T12:30 UTC', '2025-02-30', '2025-13-01', '2025-01-27T24:00', '2025-01-27T12:30+25:00', '12.5', '-1737936000000', '', 'yesterday']) {
    it(`refuses '${text}'`, () => {
      expect(parseTime(text)).toBeUndefined();
    });
  }
});
