import { describe, expect, it } from 'vitest';
import { levelLabelText } from '../../plugin/level-label-text';
import { level, report } from '../helpers/hand-built-levels';

const TWO_DECIMALS = (price: number) => price.toFixed(2);

describe('the text drawn on a level line', () => {
  it('a level that is not the nearest reads price | size | distance, the price in the given format', () => {
    const far = level('short', 110, 111, 0.3);
    expect(levelLabelText(far, report([], [far]), TWO_DECIMALS)).toBe('110.50 | 30 | +10.50%');
  });

  it('the nearest level above is marked "▲ nearest", the nearest below "▼ nearest"', () => {
    const above = level('short', 103, 104, 0.8);
    const below = level('long', 96, 97, 0.9);
    const both = { ...report([below], [above]), nearestAbove: above, nearestBelow: below };
    expect(levelLabelText(above, both, TWO_DECIMALS)).toBe('▲ nearest | 103.50 | 80 | +3.50%');
    expect(levelLabelText(below, both, TWO_DECIMALS)).toBe('▼ nearest | 96.50 | 90 | -3.50%');
  });

  it('a copy of the nearest level (same side and price) is marked too, and sizes in USD carry a $', () => {
    const nearest = level('long', 96, 97, 0.9);
    const usd = { ...report([{ ...nearest }], []), unit: 'usd' as const, nearestBelow: nearest };
    expect(levelLabelText(usd.below[0], usd, TWO_DECIMALS)).toBe('▼ nearest | 96.50 | $90 | -3.50%');
  });

  it('compact labels read price | size, with only the arrow before the nearest levels', () => {
    const above = level('short', 103, 104, 0.8);
    const far = level('short', 110, 111, 0.3);
    const both = { ...report([], [above, far]), nearestAbove: above };
    expect(levelLabelText(above, both, TWO_DECIMALS, 'compact')).toBe('▲ 103.50 | 80');
    expect(levelLabelText(far, both, TWO_DECIMALS, 'compact')).toBe('110.50 | 30');
  });
});
