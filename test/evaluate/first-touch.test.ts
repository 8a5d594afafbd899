import { describe, expect, it } from 'vitest';
import { sliceRange } from '../../src/klines/slice-series';
import { firstTouch } from '../../src/evaluate/first-touch';
import type { Kline } from '../../src/klines/kline';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { modelLevels } from '../../src/levels/model-levels';
import { LiquidationModel } from '../../src/model/liquidation-model';

const HOUR = 3_600_000;
const LOOKBACK_BARS = 240;
const EVERY = 12;
const OPTIONS = { lookbackMs: LOOKBACK_BARS * HOUR, every: EVERY, horizonMs: 24 * HOUR, model: { sweep: 'body' as const } };

/** A random walk around 100 whose bar right after every cut opens and closes flat with the given wicks. */
function seriesWithWicksAtCuts(count: number, wick: (bar: Kline) => Pick<Kline, 'high' | 'low'>) {
  const bars = syntheticKlines(count, { price: 100, volatility: 0.005 });
  for (let c = LOOKBACK_BARS; c < count; c += EVERY) bars[c] = { ...bars[c], close: bars[c].open, ...wick(bars[c]) };
  for (let i = 1; i < count; i++) bars[i] = { ...bars[i], open: bars[i - 1].close, high: Math.max(bars[i].high, bars[i - 1].close), low: Math.min(bars[i].low, bars[i - 1].close) };
  return toKlineSeries(bars);
}

describe('first touch', () => {
  it('a crash wick right after every cut: every case reaches the level below first', () => {
    const result = firstTouch(seriesWithWicksAtCuts(720, (b) => ({ high: b.open, low: 1 })), OPTIONS);
    expect(result.cases.length).toBeGreaterThan(result.cuts / 2);
    expect(result.cases.every((c) => c.first === 'below')).toBe(true);
    const belowNearer = result.cases.filter((c) => -c.below.distancePct < c.above.distancePct).length;
    expect(result.nearer.cases).toBe(result.cases.length);
    expect(result.nearer.share.value).toBeCloseTo(belowNearer / result.cases.length, 12);
  });

  it('a spike right after every cut: every case reaches the level above first, and the random-walk share is the far distance over both', () => {
    const result = firstTouch(seriesWithWicksAtCuts(720, (b) => ({ high: b.open * 10, low: b.open })), OPTIONS);
    expect(result.cases.length).toBeGreaterThan(result.cuts / 2);
    expect(result.cases.every((c) => c.first === 'above')).toBe(true);
    const walk = result.cases.map((c) => {
      const [near, far] = c.above.distancePct < -c.below.distancePct ? [c.above.distancePct, -c.below.distancePct] : [-c.below.distancePct, c.above.distancePct];
      return far / (near + far);
    });
    expect(result.nearer.randomWalk).toBeCloseTo(walk.reduce((a, b) => a + b, 0) / walk.length, 12);
  });

  it('a bar reaching both levels leaves the order unknown: such cases are not counted', () => {
    const result = firstTouch(seriesWithWicksAtCuts(720, (b) => ({ high: b.open * 10, low: 1 })), OPTIONS);
    expect(result.cases.length).toBeGreaterThan(0);
    expect(result.cases.every((c) => c.first === 'both')).toBe(true);
    expect(result.nearer.cases).toBe(0);
    expect(result.nearer.share.value).toBeNull();
  });

  it('takes a cut every N bars after the lookback while a full horizon of bars follows it', () => {
    const result = firstTouch(seriesWithWicksAtCuts(720, (b) => ({ high: b.open, low: 1 })), OPTIONS);
    expect(result.cuts).toBe(Math.floor((720 - 24 - LOOKBACK_BARS) / EVERY) + 1);
  });

  it("a cut's levels do not depend on the bars after it", () => {
    const series = seriesWithWicksAtCuts(720, (b) => ({ high: b.open, low: 1 }));
    const base = firstTouch(series, OPTIONS);
    const cut = LOOKBACK_BARS + 5 * EVERY;
    const bars = Array.from({ length: series.length }, (_, i) => ({
      openTime: series.openTime[i],
      open: series.open[i],
      high: series.high[i],
      low: series.low[i],
      close: series.close[i],
      volume: series.volume[i],
      quoteVolume: series.quoteVolume[i],
      takerBuyBase: series.takerBuyBase[i],
      takerBuyQuote: series.takerBuyQuote[i],
      trades: series.trades[i],
    }));
    for (let i = cut; i < bars.length; i++) bars[i] = { ...bars[i], high: bars[i].high * 3, close: bars[i].close * 2, open: i === cut ? bars[i].open : bars[i].open * 2 };
    const changed = firstTouch(toKlineSeries(bars), OPTIONS);
    const time = series.openTime[cut - 1] + HOUR;
    const before = base.cases.find((c) => c.time === time);
    expect(before).toBeDefined();
    expect(changed.cases.find((c) => c.time === time)).toMatchObject({ above: before?.above, below: before?.below, bias: before?.bias });
  });

  it("a cut's levels are those of the model over the lookback before the first cut of its block and the bars since", () => {
    const series = seriesWithWicksAtCuts(720, (b) => ({ high: b.open, low: 1 }));
    const result = firstTouch(series, OPTIONS);
    const c = LOOKBACK_BARS;
    const model = new LiquidationModel(OPTIONS.model);
    model.setData(sliceRange(series, 0, c), { lastBarForming: false });
    const report = modelLevels(model);
    const found = result.cases.find((x) => x.time === series.openTime[c - 1] + HOUR);
    expect(found?.above.price).toBe(report.nearestAbove?.price);
    expect(found?.below.price).toBe(report.nearestBelow?.price);
  });
});
