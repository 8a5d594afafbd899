import type { ColumnSource } from './cell-image';
import type { SidesOption } from './heatmap-options';
import { percentileRank, sampleCells, samples, selectKth } from './visible-percentile';

/** Steps of the normalising reference (about 19 % apart) so small viewport moves do not repaint. */
const REFERENCE_STEPS_PER_OCTAVE = 4;
/** How far inside a step's edges the percentile must be to keep the step without selecting it (relative). */
const EDGE_MARGIN = 1e-9;

/** `value` rounded to a power of 2^(1/4), so the reference moves in coarse steps. */
export function steppedReference(value: number): number {
  if (!(value > 0)) return 0;
  return Math.pow(2, Math.round(Math.log2(value) * REFERENCE_STEPS_PER_OCTAVE) / REFERENCE_STEPS_PER_OCTAVE);
}

/**
 * The colour reference of the visible columns: `steppedReference(visiblePercentile(...))`, taken from
 * the same sample. When `previous` (a stepped reference) is given, counting the samples below its step's
 * edges tells whether the percentile is still in that step; only when it is not is the percentile
 * selected. A pan by one bar rarely changes the step, and counting costs less than selecting.
 */
export function visibleReference(source: ColumnSource, rows: number, c0: number, c1: number, sides: SidesOption, p: number, previous: number): number {
  const n = sampleCells(source, rows, c0, c1, sides);
  if (n === 0) return 0;
  const k = percentileRank(n, p);
  if (previous > 0 && inStepOf(previous, n, k)) return previous;
  return steppedReference(selectKth(samples, n, k));
}

/**
 * Whether the `k`-th smallest of the `n` samples lies within the step of `reference`, far enough inside
 * its edges (2^(±1/8) around it) that rounding its logarithm cannot land on a neighbour.
 */
function inStepOf(reference: number, n: number, k: number): boolean {
  const step = Math.round(Math.log2(reference) * REFERENCE_STEPS_PER_OCTAVE);
  const low = Math.pow(2, (step - 0.5) / REFERENCE_STEPS_PER_OCTAVE) * (1 + EDGE_MARGIN);
  const high = Math.pow(2, (step + 0.5) / REFERENCE_STEPS_PER_OCTAVE) * (1 - EDGE_MARGIN);
  let below = 0;
  let belowHigh = 0;
  for (let i = 0; i < n; i++) {
    const v = samples[i];
    if (v < high) {
      belowHigh++;
      if (v < low) below++;
    }
  }
  // The k-th smallest is at least `low` when at most k samples are below it, and below `high` when more than k are.
  return below <= k && belowHigh > k;
}
