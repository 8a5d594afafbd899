/**
 * Price rows of equal height in log price: row `r` covers `[exp(lnMin + r * lnStep), exp(lnMin + (r + 1) * lnStep))`,
 * so a row is the same fraction of price at any price. Row boundaries are anchored to whole multiples of
 * `lnStep` (`lnMin = first * lnStep`), so every history, long or short, puts them at the same prices.
 */
export interface PriceGrid {
  /** Natural log of the lowest price covered. */
  readonly lnMin: number;
  /** Row height in natural-log units (`ln(1 + resolution)`). */
  readonly lnStep: number;
  readonly rows: number;
  /** Absolute index of row 0 on the anchored scale (`lnMin = first * lnStep`). */
  readonly first: number;
}

/** The grid in its own coordinate (natural-log price): what the engine computes in. */
export interface LinearGrid {
  readonly min: number;
  readonly step: number;
  readonly rows: number;
}

/** Options of {@link createPriceGrid}. */
export interface GridSpec {
  /** Row height as a percentage of price. */
  resolutionPct: number;
  /** Most rows; a wider range gets coarser rows (whole multiples of the resolution). */
  maxRows: number;
  /** Margin beyond the traded range on each side, as a percentage of price. */
  marginPct: number;
  /** Exchange tick size (0 when unknown): rows are never finer than one tick at the lowest price. */
  tickSize: number;
}

/** Lowest positive price the grid represents: prices at or below it are taken as this. */
const PRICE_FLOOR = 1e-12;

/** An anchored log grid covering `[low, high]` plus the margin. */
export function createPriceGrid(low: number, high: number, spec: GridSpec): PriceGrid {
  const top = Math.max(high, PRICE_FLOOR) * (1 + spec.marginPct / 100);
  const bottom = Math.max(Math.min(low, high) * (1 - spec.marginPct / 100), Math.max(high, PRICE_FLOOR) * 1e-9, PRICE_FLOOR);
  const base = Math.log1p(spec.resolutionPct / 100);
  const lnBottom = Math.log(bottom);
  const lnTop = Math.log(top);
  let multiple = 1;
  if (spec.tickSize > 0) multiple = Math.max(multiple, Math.ceil(Math.log1p(spec.tickSize / bottom) / base));
  const needed = Math.ceil(lnTop / base) - Math.floor(lnBottom / base);
  multiple = Math.max(multiple, Math.ceil(needed / spec.maxRows));
  const lnStep = base * multiple;
  const first = Math.floor(lnBottom / lnStep);
  const rows = Math.max(1, Math.ceil(lnTop / lnStep) - first);
  return { lnMin: first * lnStep, lnStep, rows, first };
}

/** The grid as the engine's linear coordinate grid (natural-log price). */
export function linearGrid(grid: PriceGrid): LinearGrid {
  return { min: grid.lnMin, step: grid.lnStep, rows: grid.rows };
}

/** Lower edge price of row `r` (`r = rows` gives the top of the grid). */
export function rowLow(grid: PriceGrid, r: number): number {
  return Math.exp(grid.lnMin + r * grid.lnStep);
}

/** Centre price of row `r` (geometric centre). */
export function rowPrice(grid: PriceGrid, r: number): number {
  return Math.exp(grid.lnMin + (r + 0.5) * grid.lnStep);
}

/** Price at a fractional row position `x` (row `r` spans `[r, r + 1)`). */
export function priceAtRow(grid: PriceGrid, x: number): number {
  return Math.exp(grid.lnMin + x * grid.lnStep);
}

/** Fractional row position of `price` (row `r` spans `[r, r + 1)`); -Infinity for prices `<= 0`. */
export function rowPosition(grid: PriceGrid, price: number): number {
  return price > 0 ? (Math.log(price) - grid.lnMin) / grid.lnStep : -Infinity;
}

/** Row holding `price` (may be outside `[0, rows)`). */
export function rowOf(grid: PriceGrid, price: number): number {
  return Math.floor(rowPosition(grid, price));
}

/** Bottom price of the grid. */
export function gridMin(grid: PriceGrid): number {
  return Math.exp(grid.lnMin);
}

/** Top price of the grid. */
export function gridMax(grid: PriceGrid): number {
  return Math.exp(grid.lnMin + grid.rows * grid.lnStep);
}

/** Row height at `price` as a percentage of it. */
export function rowHeightPct(grid: PriceGrid): number {
  return Math.expm1(grid.lnStep) * 100;
}
