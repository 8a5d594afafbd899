// @ts-check
// What sits over the chart instead of (or on top of) market data: the empty state when nothing is
// recorded, and the watermark on generated bars.
import { byTestId } from './dom.js';

/**
 * Shows `text` in place of the chart (the chart is hidden), or the chart again for null.
 * @param {string | null} text
 */
export function showEmptyState(text) {
  const empty = byTestId('empty-state');
  empty.textContent = text ?? '';
  empty.hidden = text === null;
  byTestId('chart').style.visibility = text === null ? '' : 'hidden';
}

/**
 * Marks the chart as generated data (or not).
 * @param {boolean} on
 */
export function showSyntheticWatermark(on) {
  byTestId('synthetic-watermark').hidden = !on;
}
