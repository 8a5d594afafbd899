// @ts-check
// How many bars a range choice means for an interval.
import { BAR_COUNTS } from './url-state.js';

/**
 * `{ bars }` for a bar-count choice, else `{ lookbackMs }` from the lookback text.
 * @param {string} range
 * @returns {{ bars: number, lookbackMs?: undefined } | { bars?: undefined, lookbackMs: number }}
 */
export function rangeOf(range) {
  if (BAR_COUNTS.includes(range)) return { bars: Number(range) };
  return { lookbackMs: window.LiqHeatmap.parseDuration(range) };
}

/**
 * Number of bars of `intervalMs` the range covers (at least 2).
 * @param {string} range
 * @param {number} intervalMs
 */
export function barsFor(range, intervalMs) {
  const r = rangeOf(range);
  return Math.max(2, r.bars ?? Math.ceil(r.lookbackMs / intervalMs));
}
