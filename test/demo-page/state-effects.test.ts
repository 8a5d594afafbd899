import { describe, expect, it } from 'vitest';
import { EFFECTS_BY_KEY, effectsOf } from '../../demo/page/state-effects.js';
import { DEFAULTS } from '../../demo/page/url-state.js';

describe('demo state effects', () => {
  it.each(['symbol', 'interval', 'range'] as const)('a new %s reloads the data and starts the alerts over', (key) => {
    const value = { symbol: 'ETHUSDT', interval: '15m', range: '3d' }[key];
    expect(effectsOf(DEFAULTS, { [key]: value })).toEqual(['realert', 'reload']);
  });

  it.each([
    ['threshold', 0.3],
    ['heat', 0.5],
    ['heatmap', false],
    ['levels', false],
    ['swept', false],
    ['sides', 'short'],
    ['palette', 'two-sided'],
  ] as const)('a new %s only repaints the overlay', (key, value) => {
    expect(effectsOf(DEFAULTS, { [key]: value })).toEqual(['repaint']);
  });

  it('the klines toggle only shows or hides the candles', () => {
    expect(effectsOf(DEFAULTS, { klines: false })).toEqual(['candles']);
  });

  it.each([
    ['planSide', 'long'],
    ['planEntry', 61_000],
    ['planBuffer', 0.5],
  ] as const)('a new %s only re-plans', (key, value) => {
    expect(effectsOf(DEFAULTS, { [key]: value })).toEqual(['replan']);
  });

  it('a new alert distance only starts the alerts over', () => {
    expect(effectsOf(DEFAULTS, { alertPct: 1 })).toEqual(['realert']);
  });

  it('a value equal to the current one needs nothing', () => {
    expect(effectsOf(DEFAULTS, { symbol: DEFAULTS.symbol, threshold: DEFAULTS.threshold, planEntry: DEFAULTS.planEntry })).toEqual([]);
  });

  it('a change of many keys runs each effect once, in the fixed order', () => {
    const effects = effectsOf(DEFAULTS, { symbol: 'ETHUSDT', interval: '4h', alertPct: 2, threshold: 0.4, sides: 'long', planSide: 'short', klines: false });
    expect(effects).toEqual(['candles', 'repaint', 'realert', 'replan', 'reload']);
  });

  it('a key that is not part of the state needs nothing', () => {
    expect(effectsOf(DEFAULTS, { tick: 0 } as never)).toEqual([]);
  });

  it('every state key has at least one effect', () => {
    expect(Object.keys(EFFECTS_BY_KEY).sort()).toEqual(Object.keys(DEFAULTS).sort());
    for (const effects of Object.values(EFFECTS_BY_KEY)) expect(effects.length).toBeGreaterThan(0);
  });
});
