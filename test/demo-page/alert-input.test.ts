import { describe, expect, it } from 'vitest';
import { alertPctError } from '../../demo/page/alert-input.js';

describe('alert distance input', () => {
  it('an empty box means 0: no alerts', () => {
    expect(alertPctError('')).toBeNull();
    expect(alertPctError('  ')).toBeNull();
  });

  it('takes a distance from 0 to 20 %, both ends included', () => {
    expect(alertPctError('0')).toBeNull();
    expect(alertPctError('0.5')).toBeNull();
    expect(alertPctError('20')).toBeNull();
  });

  it('refuses a distance outside 0..20 %, naming it', () => {
    expect(alertPctError('50')).toBe('alert distance must be from 0 to 20 % (got 50)');
    expect(alertPctError('20.01')).toBe('alert distance must be from 0 to 20 % (got 20.01)');
    expect(alertPctError('-1')).toBe('alert distance must be from 0 to 20 % (got -1)');
  });

  it('refuses text that is not a number, naming it', () => {
    expect(alertPctError('abc')).toBe('alert distance "abc" is not a number');
  });
});
