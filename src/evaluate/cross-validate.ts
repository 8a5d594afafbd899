import { quantile, type BootstrapOptions } from './bootstrap';
import { jitteredDraws, type JitterOptions } from './density-jitter';
import { summarize, type EvaluationSummary } from './evaluation-summary';
import type { Setting } from './option-grid';
import { pooledFigures, sideSums } from './pool-scores';
import type { WindowScore } from './window-score';

/** One held-out day: the setting chosen on the other days and how that day scored with it. */
export interface CvFold {
  day: string;
  /** Index into the settings of the setting chosen without this day. */
  chosen: number;
  windows: number;
  orders: number;
  /** The held-out day's pooled heatmap lift (USD) with the chosen setting, and the prior's on the same rows. */
  heatmapLift: number | null;
  priorLift: number | null;
}

/**
 * How a fold picks its setting on the other days: `lift`, the highest pooled heatmap lift (USD) as scored;
 * `jitter`, the highest median of that lift over jittered re-scorings (see `jitterSpread`), so a setting
 * is not chosen for which side of a near-tie its rows fell on (ties: the lift as scored).
 */
export type CvSelection = { by: 'lift' } | { by: 'jitter'; jitter?: Partial<JitterOptions> };

/** Leave-one-day-out result: every figure comes from days the chosen setting was not chosen on. */
export interface CrossValidation {
  settings: Setting[];
  selection: CvSelection;
  folds: CvFold[];
  /** Each held-out window scored with its fold's chosen setting. */
  heldOut: WindowScore[];
  summary: EvaluationSummary;
}

/**
 * Leave-one-day-out cross-validation over a grid of settings. `scores[k]` holds every window scored with
 * `settings[k]` (same windows in the same order for each k). For each UTC day with scored windows, the
 * setting with the highest pooled heatmap lift (USD) on all other days is chosen (with `selection` `jitter`,
 * the highest median of it over jittered draws, then the lift as scored; ties, as between settings
 * differing only in levels options: the higher zone lift (USD) on those days, then the earlier setting) and
 * that day's windows are taken as scored with it. The summary pools those held-out scores, as scored.
 * @throws RangeError when fewer than two days have scored windows or the score lists disagree.
 */
export function crossValidateDays(
  settings: readonly Setting[],
  scores: readonly (readonly WindowScore[])[],
  bootstrap: Partial<BootstrapOptions> = {},
  selection: CvSelection = { by: 'lift' },
): CrossValidation {
  if (settings.length === 0 || scores.length !== settings.length) throw new RangeError(`cross-validation: ${scores.length} score lists for ${settings.length} settings`);
  const windows = scores[0];
  if (scores.some((list) => list.length !== windows.length)) throw new RangeError('cross-validation: every setting must score the same windows');
  const days = [...new Set(windows.filter((w) => !w.skipped).map((w) => w.day))].sort();
  if (days.length < 2) throw new RangeError(`cross-validation by day needs scored windows on at least 2 UTC days, got ${days.length}`);
  const draws = selection.by === 'jitter' ? scores.map((list) => jitteredDraws(list, selection.jitter)) : null;
  const folds: CvFold[] = [];
  const heldOut: WindowScore[] = [];
  for (const day of days) {
    let chosen = 0;
    let best = [-Infinity, -Infinity, -Infinity];
    scores.forEach((list, k) => {
      const train = pooledFigures(sideSums(list.filter((w) => !w.skipped && w.day !== day).flatMap((w) => w.sides), 'usd'));
      const lift = train.heatmapLift ?? -Infinity;
      const score = [draws ? medianTrainLift(draws[k], day) : lift, lift, train.zoneLift ?? -Infinity];
      if (better(score, best)) {
        best = score;
        chosen = k;
      }
    });
    const test = scores[chosen].filter((w) => !w.skipped && w.day === day);
    const figures = pooledFigures(sideSums(test.flatMap((w) => w.sides), 'usd'));
    folds.push({ day, chosen, windows: test.length, orders: test.reduce((n, w) => n + w.sides.reduce((m, s) => m + s.orders, 0), 0), heatmapLift: figures.heatmapLift, priorLift: figures.priorLift });
    heldOut.push(...test);
  }
  return { settings: [...settings], selection, folds, heldOut, summary: summarize(heldOut, bootstrap) };
}

/** The median over `draws` of the pooled heatmap lift (USD) of the windows not on `day`. */
function medianTrainLift(draws: readonly (readonly WindowScore[])[], day: string): number {
  const lifts = draws
    .map((windows) => pooledFigures(sideSums(windows.filter((w) => w.day !== day).flatMap((w) => w.sides), 'usd')).heatmapLift)
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  return quantile(lifts, 0.5) ?? -Infinity;
}

/** Lexicographic `a > b`. */
function better(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}
