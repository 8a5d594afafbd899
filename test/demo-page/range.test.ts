import { describe, expect, it } from 'vitest';
import { barsFor, rangeOf } from '../../demo/page/range.js';
import { useLibraryGlobal } from './library-global';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('demo range choice', () => {
  useLibraryGlobal();

  it('a bar-count choice is that many bars', () => {
    expect(rangeOf('500')).toEqual({ bars: 500 });
  });

  it('a lookback choice is its duration in ms', () => {
    expect(rangeOf('7d')).toEqual({ lookbackMs: 7 * DAY });
  });

  it('a lookback covers as many bars of the interval as fit, rounded up', () => {
    expect(barsFor('7d', HOUR)).toBe(168);
    expect(barsFor('1d', 7 * HOUR)).toBe(4);
  });

  it('a bar count does not depend on the interval', () => {
    expect(barsFor('200', HOUR)).toBe(200);
    expect(barsFor('200', DAY)).toBe(200);
  });

  it('is never fewer than two bars', () => {
    expect(barsFor('12h', DAY)).toBe(2);
  });
});
