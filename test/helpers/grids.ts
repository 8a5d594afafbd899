import { priceAtRow, type PriceGrid } from '../../src/model/price-grid';
import { must } from './must';

/** An anchored log grid of `rows` rows, `stepPct` tall, whose row `at` starts near `price`. */
export function gridAround(price: number, at: number, rows: number, stepPct = 0.1): PriceGrid {
  const lnStep = Math.log1p(stepPct / 100);
  const first = Math.round(Math.log(price) / lnStep) - at;
  return { lnMin: first * lnStep, lnStep, rows, first };
}

/** Price at fractional row position `x` of `grid`. */
export const priceAt = (grid: PriceGrid, x: number) => priceAtRow(grid, x);

/** The price grid of a model (or anything holding one), failing the test when it has none yet. */
export function gridOf(holder: { readonly grid: PriceGrid | null }): PriceGrid {
  return must(holder.grid, 'a price grid (the model has data)');
}
