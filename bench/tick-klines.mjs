/**
 * Deterministic ticks of the forming bar: the last kline with a new close that wanders inside and
 * slightly beyond the bar's high-low range (never outside the price grid), high and low widened to fit.
 */
import { gridMax, gridMin, seededRandom } from '../dist/core.mjs';

/** `count` kline objects with the forming bar's open time, for `model.update`. */
export function tickKlines(lastBar, grid, count, seed = 7) {
  const random = seededRandom(seed);
  const range = Math.max(lastBar.high - lastBar.low, lastBar.close * 1e-4);
  const floor = gridMin(grid) * Math.exp(grid.lnStep);
  const ceiling = gridMax(grid) / Math.exp(grid.lnStep);
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    let close = lastBar.low - 0.15 * range + random() * 1.3 * range;
    close = Math.min(ceiling, Math.max(floor, close));
    const high = Math.min(ceiling, Math.max(lastBar.high, lastBar.open, close));
    const low = Math.max(floor, Math.min(lastBar.low, lastBar.open, close));
    out[i] = { ...lastBar, close, high, low };
  }
  return out;
}
