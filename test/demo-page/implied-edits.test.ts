import { describe, expect, it } from 'vitest';
import { withImpliedEdits } from '../../demo/page/implied-edits.js';
import { DEFAULTS } from '../../demo/page/url-state.js';

const onBtc = { ...DEFAULTS, planSide: 'long' as const, planEntry: 104_000 };

describe('edits implied by an edit', () => {
  it('a new symbol puts the plan entry back on the market price', () => {
    expect(withImpliedEdits(onBtc, { symbol: 'ETHUSDT' })).toEqual({ symbol: 'ETHUSDT', planEntry: 0 });
  });

  it('an entry given with the new symbol is kept', () => {
    expect(withImpliedEdits(onBtc, { symbol: 'ETHUSDT', planEntry: 2_300 })).toEqual({ symbol: 'ETHUSDT', planEntry: 2_300 });
  });

  it.each([
    ['the same symbol', { symbol: 'BTCUSDT' }],
    ['a new interval', { interval: '4h' }],
    ['a new range', { range: '3d' }],
  ])('%s keeps the entry', (_, partial) => {
    expect(withImpliedEdits(onBtc, partial)).toBe(partial);
  });
});
