import type { Kline, KlineSeries } from '../klines/kline';
import type { BiasLabel, Level } from '../levels/level';
import type { LevelsOptions } from '../levels/levels-options';
import { modelLevels } from '../levels/model-levels';
import { LiquidationModel } from '../model/liquidation-model';
import type { ModelOptions } from '../model/model-options';
import { bootstrap, type BootstrapOptions, type Estimate } from './bootstrap';
import { sliceRange } from '../klines/slice-series';

/** Options of {@link firstTouch}. */
export interface FirstTouchOptions {
  /** How long after a cut the path is followed. Default 24 h. */
  horizonMs: number;
  /** Bars between cuts. Default 12. */
  every: number;
  /** History the model has seen before the first cut (and at least before every cut). Default 60 days. */
  lookbackMs: number;
  /** Distance ratios (above / below) counted as "similar distance" for the strength read. Default [0.67, 1.5]. */
  similarRatio: readonly [number, number];
  model: Partial<ModelOptions>;
  levels: Partial<LevelsOptions>;
  bootstrap: Partial<BootstrapOptions>;
}

export const DEFAULT_FIRST_TOUCH: Readonly<FirstTouchOptions> = Object.freeze({
  horizonMs: 24 * 3_600_000,
  every: 12,
  lookbackMs: 60 * 86_400_000,
  similarRatio: [0.67, 1.5] as const,
  model: {},
  levels: {},
  bootstrap: {},
});

/** Which level the path reached first; `both` when one bar reached both (the order inside it is unknown). */
export type Touch = 'above' | 'below' | 'both' | 'neither';

/** One cut: the nearest significant level each side, the bias read and what the path did. */
export interface FirstTouchCase {
  /** Time of the cut: close of the last bar the model saw (epoch ms). */
  time: number;
  price: number;
  above: { price: number; notional: number; distancePct: number };
  below: { price: number; notional: number; distancePct: number };
  bias: BiasLabel;
  first: Touch;
}

/** A share of cases with its bootstrap interval and what a driftless random walk would give on the same cases. */
export interface ShareRead {
  cases: number;
  share: Estimate;
  /** Mean over the cases of the chance a driftless random walk reaches the predicted level first (the other level's distance over the sum of both). */
  randomWalk: number | null;
  /** `share - randomWalk`, with its interval from the same resamples: above zero, the read adds information. */
  overRandomWalk: Estimate;
}

/** The first-touch test of one series. */
export interface FirstTouchResult {
  /** Cut points with a full horizon of bars after them. */
  cuts: number;
  /** Cuts without a significant level on one side. */
  withoutLevels: number;
  /** Cuts with levels on both sides. */
  cases: FirstTouchCase[];
  /** Did the nearer of the two levels get reached first? (cases where exactly one was reached first) */
  nearer: ShareRead;
  /** Among cases with similar distances, did the stronger level (by notional) get reached first? */
  stronger: ShareRead;
  /** Among cases with a bias read other than balanced, was the bias side (long-flush: below) reached first? */
  bias: ShareRead;
}

interface Outcome {
  block: number;
  hit: boolean;
  randomWalk: number;
}

/**
 * Which nearest significant level does price reach first? Cuts are taken every `every` bars once
 * `lookbackMs` of history precedes them. One model is built per lookback-long block of cuts, from the
 * lookback before the block's first cut, and fed the block's bars one by one (`update`), each cut's
 * report read from its latest column: a cut's model has seen one to two lookbacks of bars and nothing
 * after the cut, not even through its price grid (a model built over the whole block would size its
 * grid to prices still to come). The path is the bar highs and lows after the cut, within the horizon.
 * Intervals resample blocks of cuts one horizon long (cases closer than that share their path).
 */
export function firstTouch(series: KlineSeries, options: Partial<FirstTouchOptions> = {}): FirstTouchResult {
  const o = { ...DEFAULT_FIRST_TOUCH, ...options };
  const interval = series.intervalMs;
  if (!(interval > 0)) throw new RangeError('first-touch: the klines have no interval');
  if (!(Number.isInteger(o.every) && o.every >= 1)) throw new RangeError(`first-touch: every must be a whole number of bars >= 1, got ${o.every}`);
  const lookbackBars = Math.max(2, Math.round(o.lookbackMs / interval));
  const n = series.length;
  const cutIndexes: number[] = [];
  for (let c = lookbackBars; c < n; c += o.every) {
    if (series.openTime[n - 1] + interval < series.openTime[c - 1] + interval + o.horizonMs) break;
    cutIndexes.push(c);
  }
  const cases: FirstTouchCase[] = [];
  let withoutLevels = 0;
  for (let b = 0; b < cutIndexes.length; ) {
    const blockStart = cutIndexes[b];
    const model = new LiquidationModel(o.model);
    model.setData(sliceRange(series, blockStart - lookbackBars, blockStart), { lastBarForming: false });
    let fed = blockStart;
    for (; b < cutIndexes.length && cutIndexes[b] < blockStart + lookbackBars; b++) {
      const c = cutIndexes[b];
      for (; fed < c; fed++) model.update(closedKline(series, fed));
      const report = modelLevels(model, { ...o.levels, trackIds: false });
      const above = report.nearestAbove;
      const below = report.nearestBelow;
      if (!above || !below) {
        withoutLevels++;
        continue;
      }
      const time = series.openTime[c - 1] + interval;
      cases.push({ time, price: report.price, above: brief(above), below: brief(below), bias: report.bias.label, first: touch(series, c, time + o.horizonMs, above.price, below.price) });
    }
  }
  const blockMs = Math.max(o.horizonMs, o.every * interval);
  const read = (predict: (c: FirstTouchCase) => 'above' | 'below' | null): ShareRead => {
    const outcomes: Outcome[] = [];
    for (const c of cases) {
      const side = predict(c);
      if (side === null || (c.first !== 'above' && c.first !== 'below')) continue;
      const dPredicted = side === 'above' ? c.above.distancePct : -c.below.distancePct;
      const dOther = side === 'above' ? -c.below.distancePct : c.above.distancePct;
      outcomes.push({ block: Math.floor(c.time / blockMs), hit: c.first === side, randomWalk: dOther / (dPredicted + dOther) });
    }
    return shareRead(outcomes, o.bootstrap);
  };
  const [low, high] = o.similarRatio;
  return {
    cuts: cutIndexes.length,
    withoutLevels,
    cases,
    nearer: read((c) => (c.above.distancePct < -c.below.distancePct ? 'above' : c.above.distancePct > -c.below.distancePct ? 'below' : null)),
    stronger: read((c) => {
      const ratio = c.above.distancePct / -c.below.distancePct;
      if (!(ratio >= low && ratio <= high) || c.above.notional === c.below.notional) return null;
      return c.above.notional > c.below.notional ? 'above' : 'below';
    }),
    bias: read((c) => (c.bias === 'long-flush' ? 'below' : c.bias === 'short-squeeze' ? 'above' : null)),
  };
}

function closedKline(s: KlineSeries, i: number): Kline {
  const optional = (v: number) => (Number.isNaN(v) ? undefined : v);
  return {
    openTime: s.openTime[i],
    open: s.open[i],
    high: s.high[i],
    low: s.low[i],
    close: s.close[i],
    volume: s.volume[i],
    quoteVolume: optional(s.quoteVolume[i]),
    takerBuyBase: optional(s.takerBuyBase[i]),
    takerBuyQuote: optional(s.takerBuyQuote[i]),
    trades: optional(s.trades[i]),
    closed: true,
  };
}

function brief(level: Level): FirstTouchCase['above'] {
  return { price: level.price, notional: level.notional, distancePct: level.distancePct };
}

/** Which of `above` / `below` the bars from `from` (opening before `until`) reach first. */
function touch(series: KlineSeries, from: number, until: number, above: number, below: number): Touch {
  for (let i = from; i < series.length && series.openTime[i] < until; i++) {
    const up = series.high[i] >= above;
    const down = series.low[i] <= below;
    if (up && down) return 'both';
    if (up) return 'above';
    if (down) return 'below';
  }
  return 'neither';
}

function shareRead(outcomes: readonly Outcome[], options: Partial<BootstrapOptions>): ShareRead {
  const blocks = new Map<number, { hits: number; walk: number; cases: number }>();
  for (const o of outcomes) {
    const block = blocks.get(o.block) ?? { hits: 0, walk: 0, cases: 0 };
    block.hits += o.hit ? 1 : 0;
    block.walk += o.randomWalk;
    block.cases += 1;
    blocks.set(o.block, block);
  }
  const [share, overRandomWalk] = bootstrap(
    [...blocks.values()],
    (sample) => {
      let hits = 0;
      let walk = 0;
      let cases = 0;
      for (const b of sample) {
        hits += b.hits;
        walk += b.walk;
        cases += b.cases;
      }
      return cases > 0 ? [hits / cases, (hits - walk) / cases] : [null, null];
    },
    options,
  );
  return { cases: outcomes.length, share, randomWalk: outcomes.length ? outcomes.reduce((sum, o) => sum + o.randomWalk, 0) / outcomes.length : null, overRandomWalk };
}
