import { describe, expect, it } from 'vitest';
import { parseOptionalNumber, parseRequiredNumber } from '../../src/klines';
import { expectKlineError } from './expect-kline-error';

const at = { field: 'quote_volume', row: 7, source: 'x.csv' };

describe('parseOptionalNumber', () => {
  it('reads decimal strings and numbers', () => {
    expect(parseOptionalNumber('67908.00000000', at)).toBe(67908);
    expect(parseOptionalNumber(' 1.5e3 ', at)).toBe(1500);
    expect(parseOptionalNumber(-2, at)).toBe(-2);
    expect(parseOptionalNumber('"42"', at)).toBe(42);
  });

  it('treats blank, null and undefined as missing, never zero', () => {
    for (const blank of ['', '   ', null, undefined]) expect(parseOptionalNumber(blank, at)).toBeUndefined();
  });

  it('keeps an explicit zero', () => {
    expect(parseOptionalNumber('0', at)).toBe(0);
    expect(parseOptionalNumber('0.0', at)).toBe(0);
  });

  it.each(['abc', '12abc', 'NaN', 'Infinity', '-Infinity', '0x10', '0b11', '0o7', '1,5'])(
    'rejects %j as non-numeric naming row and field',
    (text) => {
      const error = expectKlineError(() => parseOptionalNumber(text, at), { kind: 'non-numeric', ...at });
      expect(error.message).toContain(JSON.stringify(text));
    },
  );

  it.each([NaN, Infinity, true, {}, []])('rejects the non-numeric value %j', (value) => {
    expectKlineError(() => parseOptionalNumber(value, at), { kind: 'non-numeric', ...at });
  });
});

describe('parseRequiredNumber', () => {
  it('reports a blank required value as missing-field', () => {
    expectKlineError(() => parseRequiredNumber('', { field: 'open', row: 3 }), { kind: 'missing-field', row: 3, field: 'open' });
  });
});
