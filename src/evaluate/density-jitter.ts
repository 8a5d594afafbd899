import { seededRandom } from '../klines/synthetic-klines';
import type { Side } from '../model/side';
import { quantile } from './bootstrap';
import { summarizeGroup } from './evaluation-summary';
import type { Weighting } from './pool-scores';
import { rankingOf, rankRows } from './row-ranking';
import type { SideScore } from './score-side';
import type { WindowScore } from './window-score';

/** How the densities are jittered. */
export interface JitterOptions {
  /** Number of jittered re-scorings. Default 40. */
  draws: number;
  /** Every row's score is multiplied by `1 + u`, u uniform in `[-amplitude, +amplitude]`. Default 0.001 (±0.1 %). */
  amplitude: number;
  /** Seed of the draws (same seed, same spread). Default 13. */
  seed: number;
}

export const DEFAULT_JITTER: Readonly<JitterOptions> = Object.freeze({ draws: 40, amplitude: 0.001, seed: 13 });

/** A pooled lift as scored and its spread over the jittered draws (null where no draw defines it). */
export interface Spread {
  /** The lift as `evaluate` scores it, unjittered. */
  value: number | null;
  median: number | null;
  /** 5th and 95th percentile over the draws. */
  low: number | null;
  high: number | null;
  min: number | null;
  max: number | null;
}

/** Spreads of the heatmap's and the prior's pooled lifts under one weighting. */
export interface WeightedSpread {
  heatmapLift: Spread;
  priorLift: Spread;
}

/** One group of sides (long, short, both), by USD and by count. */
export interface GroupSpread {
  usd: WeightedSpread;
  count: WeightedSpread;
}

/** How much the pooled lifts hang on near-ties in the row rankings. */
export interface JitterSpread extends JitterOptions {
  long: GroupSpread;
  short: GroupSpread;
  pooled: GroupSpread;
}

/** The groups pooled: long sides, short sides, both. */
const GROUPS: readonly (Side | null)[] = ['long', 'short', null];

/**
 * Re-scores `windows` `draws` times with every row's density (and, separately drawn, every row's prior
 * score) multiplied by `1 + u`, u uniform in `[-amplitude, +amplitude]`, with the same ranking rule,
 * and pools each draw as `summarize` does. The models are not rebuilt: each side is re-ranked on the
 * rows it was scored on. A lift whose spread is a single value does not depend on differences below
 * the amplitude.
 * @throws Error when a scored side was not made by `scoreSide` (its rows are unknown).
 */
export function jitterSpread(windows: readonly WindowScore[], options: Partial<JitterOptions> = {}): JitterSpread {
  const o = { ...DEFAULT_JITTER, ...options };
  const scored = windows.filter((w) => !w.skipped);
  const draws = jitteredDraws(scored, o).map(pooledLifts);
  const plain = pooledLifts(scored);
  const group = (g: number): GroupSpread => {
    const weighted = (w: Weighting): WeightedSpread => ({
      heatmapLift: spread(plain[g][w].heatmap, draws.map((d) => d[g][w].heatmap)),
      priorLift: spread(plain[g][w].prior, draws.map((d) => d[g][w].prior)),
    });
    return { usd: weighted('usd'), count: weighted('count') };
  };
  return { ...o, long: group(0), short: group(1), pooled: group(2) };
}

/**
 * `draws` re-scorings of the scored `windows` (skipped ones left out), each row's density and prior score
 * multiplied by `1 + u` as {@link jitterSpread} draws them: the same seed gives the same factors in the
 * same order, so two settings scored on the same windows are jittered alike.
 * @throws Error when a scored side was not made by `scoreSide`.
 */
export function jitteredDraws(windows: readonly WindowScore[], options: Partial<JitterOptions> = {}): WindowScore[][] {
  const o = { ...DEFAULT_JITTER, ...options };
  const scored = windows.filter((w) => !w.skipped);
  const random = seededRandom(o.seed);
  const factor = () => 1 + o.amplitude * (2 * random() - 1);
  return Array.from({ length: o.draws }, () => scored.map((w) => ({ ...w, sides: w.sides.map((s) => jitterSide(s, factor)) })));
}

/** Pooled heatmap and prior lifts of one group, by USD and by count. */
type GroupLifts = Record<Weighting, { heatmap: number | null; prior: number | null }>;

/** The pooled lifts of each of {@link GROUPS}, pooled as `summarize` pools them. */
function pooledLifts(windows: readonly WindowScore[]): GroupLifts[] {
  return GROUPS.map((side) => {
    const g = summarizeGroup(windows, side, { resamples: 0 });
    const lifts = (w: Weighting) => ({ heatmap: g[w].heatmapLift.value, prior: g[w].priorLift.value });
    return { usd: lifts('usd'), count: lifts('count') };
  });
}

function jitterSide(side: SideScore, factor: () => number): SideScore {
  const ranking = rankingOf(side);
  if (!ranking) throw new Error(`density jitter: a ${side.side} side score of [${side.low}, ${side.high}] has no rows to re-rank (it was not made by scoreSide)`);
  const density = ranking.density.map((d) => d * factor());
  const prior = ranking.prior.map((p) => p * factor());
  return { ...side, heatmap: rankRows(ranking, density), prior: rankRows(ranking, prior) };
}

function spread(value: number | null, draws: readonly (number | null)[]): Spread {
  const sorted = draws.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return { value, median: quantile(sorted, 0.5), low: quantile(sorted, 0.05), high: quantile(sorted, 0.95), min: sorted[0] ?? null, max: sorted[sorted.length - 1] ?? null };
}
