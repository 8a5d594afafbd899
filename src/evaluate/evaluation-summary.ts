import type { Side } from '../model/side';
import { bootstrap, type BootstrapOptions, type Estimate } from './bootstrap';
import { addSums, EMPTY_SUMS, pooledFigures, sideSums, type ScoreSums, type Weighting } from './pool-scores';
import type { WindowScore } from './window-score';

/** Pooled figures under one weighting, lifts with their bootstrap interval over windows. */
export interface WeightedSummary {
  heatmapLift: Estimate;
  /** The near-price prior's lift on the same rows. */
  priorLift: Estimate;
  /** `heatmapLift - priorLift`, its interval from the same (paired) resamples. */
  liftOverPrior: Estimate;
  zoneLift: Estimate;
  heatmapCapture: number | null;
  priorCapture: number | null;
  zoneCoverage: number | null;
  zoneCapture: number | null;
}

/** A group of window sides (one side, both, one symbol) pooled by USD and by order count. */
export interface GroupSummary {
  /** Windows with at least one side in the group. */
  windows: number;
  orders: number;
  notional: number;
  usd: WeightedSummary;
  count: WeightedSummary;
}

/** What `evaluate` prints: per side and pooled, and per symbol (both sides). */
export interface EvaluationSummary {
  long: GroupSummary;
  short: GroupSummary;
  pooled: GroupSummary;
  bySymbol: Record<string, GroupSummary>;
}

/**
 * Pools scored windows per side, over both sides and per symbol. Intervals resample whole windows
 * (the orders of one burst are not independent), with the same draws for the model and the prior.
 */
export function summarize(windows: readonly WindowScore[], options: Partial<BootstrapOptions> = {}): EvaluationSummary {
  const scored = windows.filter((w) => !w.skipped);
  const symbols = [...new Set(scored.map((w) => w.symbol))].sort();
  return {
    long: summarizeGroup(scored, 'long', options),
    short: summarizeGroup(scored, 'short', options),
    pooled: summarizeGroup(scored, null, options),
    bySymbol: Object.fromEntries(symbols.map((s) => [s, summarizeGroup(scored.filter((w) => w.symbol === s), null, options)])),
  };
}

/** One group: the sides of `windows` on `side` (null: both), pooled with intervals. */
export function summarizeGroup(windows: readonly WindowScore[], side: Side | null, options: Partial<BootstrapOptions> = {}): GroupSummary {
  const items = windows
    .map((w) => w.sides.filter((s) => side === null || s.side === side))
    .filter((sides) => sides.length > 0)
    .map((sides) => ({ usd: sideSums(sides, 'usd'), count: sideSums(sides, 'count'), orders: sides.reduce((n, s) => n + s.orders, 0) }));
  const weighted = (weighting: Weighting): WeightedSummary => {
    const total = (sample: readonly (typeof items)[number][]) => sample.reduce((acc: ScoreSums, item) => addSums(acc, item[weighting]), EMPTY_SUMS);
    const [heatmapLift, priorLift, liftOverPrior, zoneLift] = bootstrap(
      items,
      (sample) => {
        const f = pooledFigures(total(sample));
        return [f.heatmapLift, f.priorLift, difference(f), f.zoneLift];
      },
      options,
    );
    const all = pooledFigures(total(items));
    return {
      heatmapLift,
      priorLift,
      liftOverPrior,
      zoneLift,
      heatmapCapture: all.heatmapCapture,
      priorCapture: all.priorCapture,
      zoneCoverage: all.zoneCoverage,
      zoneCapture: all.zoneCapture,
    };
  };
  return {
    windows: items.length,
    orders: items.reduce((n, i) => n + i.orders, 0),
    notional: items.reduce((n, i) => n + i.usd.weight, 0),
    usd: weighted('usd'),
    count: weighted('count'),
  };
}

function difference(f: { heatmapLift: number | null; priorLift: number | null }): number | null {
  return f.heatmapLift === null || f.priorLift === null ? null : f.heatmapLift - f.priorLift;
}
