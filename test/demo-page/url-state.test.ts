import { describe, expect, it } from 'vitest';
import { DEFAULTS, readState, writeState } from '../../demo/page/url-state.js';

describe('demo URL state', () => {
  it('an empty query gives the defaults', () => {
    expect(readState('')).toEqual(DEFAULTS);
  });

  it('reads every field from the query', () => {
    const state = readState(
      '?symbol=ETHUSDT&interval=15m&range=500&threshold=0.2&heat=0.5&klines=0&heatmap=0&levels=0&swept=0&sides=long&palette=two-sided&planSide=short&planEntry=2500.5&planBuffer=0.3&alertPct=2&crosshair=%2300FF00',
    );
    expect(state).toEqual({
      symbol: 'ETHUSDT',
      interval: '15m',
      range: '500',
      threshold: 0.2,
      heat: 0.5,
      klines: false,
      heatmap: false,
      levels: false,
      swept: false,
      sides: 'long',
      palette: 'two-sided',
      planSide: 'short',
      planEntry: 2500.5,
      planBuffer: 0.3,
      alertPct: 2,
      crosshair: '#00ff00',
    });
  });

  it('takes a crosshair colour only as #rrggbb', () => {
    expect(readState('?crosshair=red').crosshair).toBe(DEFAULTS.crosshair);
    expect(readState('?crosshair=%23abc').crosshair).toBe(DEFAULTS.crosshair);
  });

  it('upper-cases the symbol', () => {
    expect(readState('?symbol=solusdt').symbol).toBe('SOLUSDT');
  });

  it.each([
    ['symbol', 'B'],
    ['symbol', 'BTC-USDT'],
    ['interval', '2h'],
    ['range', '2d'],
    ['threshold', '1.5'],
    ['threshold', ''],
    ['heat', '-0.1'],
    ['klines', 'yes'],
    ['sides', 'all'],
    ['palette', 'rainbow'],
    ['planSide', 'flat'],
    ['planEntry', '-5'],
    ['planEntry', 'Infinity'],
    ['planBuffer', '6'],
    ['alertPct', '21'],
  ] as const)('a bad %s (%j) falls back to its default', (key, value) => {
    expect(readState(`?${new URLSearchParams({ [key]: value })}`)[key]).toEqual(DEFAULTS[key]);
  });

  it('ignores parameters it does not know', () => {
    expect(readState('?tick=0&foo=bar')).toEqual(DEFAULTS);
  });

  it('writes nothing for the default state', () => {
    expect(writeState(DEFAULTS)).toBe('');
  });

  it('writes only the fields that differ from the defaults, booleans as 1 and 0', () => {
    expect(writeState({ ...DEFAULTS, interval: '4h', klines: false, threshold: 0.3 })).toBe('?interval=4h&threshold=0.3&klines=0');
  });

  it('keeps the page\'s own parameters (demo, tick) from the current query, so generated data stays generated', () => {
    expect(writeState({ ...readState(''), interval: '4h' }, '?demo=synthetic&tick=0&interval=1h&bogus=1')).toBe('?demo=synthetic&tick=0&interval=4h');
    expect(writeState(readState(''), '?interval=4h')).toBe('');
  });

  it('reads back what it writes', () => {
    const state = { ...DEFAULTS, symbol: 'ETHUSDT', range: '3M', heat: 1, swept: false, palette: 'two-sided' as const, planSide: 'long' as const, planEntry: 61_234.5, alertPct: 0 };
    expect(readState(writeState(state))).toEqual(state);
  });
});
