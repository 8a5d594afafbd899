import { describe, expect, it } from 'vitest';
import type { Kline } from '../../src/klines/kline';
import { KlineError } from '../../src/klines/kline-error';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { modelLevels } from '../../src/levels/model-levels';
import { LiquidationModel } from '../../src/model/liquidation-model';

const KLINES = syntheticKlines(500, { seed: 3 });
const HISTORY = KLINES.slice(0, 300);
const LAST = HISTORY[299];
const INTERVAL = KLINES[1].openTime - KLINES[0].openTime;

function model(): LiquidationModel {
  const m = new LiquidationModel();
  m.setData(toKlineSeries(HISTORY));
  return m;
}

function snapshot(m: LiquidationModel): string {
  const report = modelLevels(m);
  return JSON.stringify({ length: m.length, closed: m.closedLength, report });
}

/** Feeds the next 200 bars as closed ticks and returns the totals of the last report. */
function totalsAfter200Bars(m: LiquidationModel): { above: number; below: number } {
  for (const k of KLINES.slice(300, 500)) m.update({ ...k, closed: true });
  return modelLevels(m).totals;
}

const refused: readonly [string, Kline][] = [
  ['an infinite quote volume', { ...LAST, quoteVolume: Infinity }],
  ['a base volume of 1e300', { ...LAST, volume: 1e300 }],
  ['a high of 1e308', { ...LAST, high: 1e308 }],
  ['a negative taker volume', { ...LAST, takerBuyBase: -1 }],
  ['an open time of 9e15', { ...LAST, openTime: 9e15 }],
];

describe('LiquidationModel.update refuses hostile ticks', () => {
  for (const [what, tick] of refused) {
    it(`refuses ${what} with a KlineError and keeps its last good state`, () => {
      const m = model();
      const before = snapshot(m);
      expect(() => m.update(tick)).toThrow(KlineError);
      expect(snapshot(m)).toBe(before);
    });

    it(`has finite totals 200 bars after refusing ${what}`, () => {
      const m = model();
      expect(() => m.update(tick)).toThrow(KlineError);
      const totals = totalsAfter200Bars(m);
      expect(Number.isFinite(totals.above) && Number.isFinite(totals.below)).toBe(true);
    });
  }

  it('refuses a tick more than 1000 intervals past the last bar, naming openTime', () => {
    const m = model();
    expect(() => m.update({ ...LAST, openTime: LAST.openTime + 1001 * INTERVAL })).toThrow(/openTime.*1000|1001 intervals/);
  });

  it('accepts a tick exactly 1000 intervals past the last bar (a gap)', () => {
    const m = model();
    expect(m.update({ ...LAST, openTime: LAST.openTime + 1000 * INTERVAL })).toBe('forming');
  });
});
