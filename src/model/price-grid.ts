/**
 * Evenly spaced price rows: row `r` covers `[min + r * step, min + (r + 1) * step)`.
 */
export interface PriceGrid {
  readonly min: number;
  readonly step: number;
  readonly rows: number;
}

/**
 * A grid over `[low, high]` plus `marginPct` of that range on each side, `rows` rows, never finer
 * than `tickSize` (then fewer rows). A flat range gets a band of 1 % around the price.
 */
export function createPriceGrid(low: number, high: number, rows: number, marginPct: number, tickSize = 0): PriceGrid {
  let range = high - low;
  if (!(range > 0)) range = Math.max(Math.abs(high) * 0.01, tickSize, 1e-9);
  const margin = range * marginPct;
  let min = low - margin;
  if (min < 0 && low >= 0) min = 0;
  if (tickSize > 0) min = Math.floor(min / tickSize) * tickSize;
  const span = high + margin - min;
  if (tickSize > 0) {
    const step = Math.max(tickSize, Math.ceil(span / rows / tickSize) * tickSize);
    return { min, step, rows: Math.max(1, Math.min(rows, Math.ceil(span / step))) };
  }
  return { min, step: span / rows, rows };
}

/** Centre price of row `r`. */
export function rowPrice(grid: PriceGrid, r: number): number {
  return grid.min + (r + 0.5) * grid.step;
}

/** Row holding `price` (may be outside `[0, rows)`). */
export function rowOf(grid: PriceGrid, price: number): number {
  return Math.floor((price - grid.min) / grid.step);
}

/** Top price of the grid. */
export function gridMax(grid: PriceGrid): number {
  return grid.min + grid.rows * grid.step;
}
