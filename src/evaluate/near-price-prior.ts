import { rowPrice, type PriceGrid } from '../model/price-grid';

/**
 * The baseline the heatmap has to beat: each row scored only by `1 / (distance to price0 + one row)`,
 * i.e. "liquidations happen near the price". It knows nothing of positions, leverage or history.
 */
export function nearPricePrior(grid: PriceGrid, price0: number): Float64Array {
  const score = new Float64Array(grid.rows);
  for (let r = 0; r < grid.rows; r++) {
    const rowHeight = (rowPrice(grid, r + 1) - rowPrice(grid, r - 1)) / 2;
    score[r] = 1 / (Math.abs(rowPrice(grid, r) - price0) + rowHeight);
  }
  return score;
}
