import type { ISeriesApi, SeriesType, Time } from 'lightweight-charts';
import { gridMax, gridMin, rowLow, type PriceGrid } from '../src/model/price-grid';
import { rowStrips, type RowStrip } from './row-strips';

const LOGARITHMIC = 1;

/**
 * Where the grid's rows land vertically: the top edge of every image row (row 0 = highest price) and the
 * bottom, grouped into evenly spaced strips. Rows are log-spaced: on a linear (or percentage / indexed)
 * axis their edges follow an affine map of price, on a logarithmic axis the series' own mapping.
 */
export function rowGeometry(series: ISeriesApi<SeriesType, Time>, grid: PriceGrid): { strips: RowStrip[] } | null {
  const edges = new Float64Array(grid.rows + 1);
  if (series.priceScale().options().mode !== LOGARITHMIC) {
    const low = gridMin(grid);
    const high = gridMax(grid);
    const yLow = series.priceToCoordinate(low);
    const yHigh = series.priceToCoordinate(high);
    if (yLow === null || yHigh === null) return null;
    const perPrice = (yLow - yHigh) / (high - low);
    for (let k = 0; k <= grid.rows; k++) edges[k] = yHigh + (high - rowLow(grid, grid.rows - k)) * perPrice;
  } else {
    const top = series.priceToCoordinate(gridMax(grid));
    if (top === null) return null;
    for (let k = 0; k <= grid.rows; k++) {
      const y = series.priceToCoordinate(rowLow(grid, grid.rows - k));
      edges[k] = y === null ? (k === 0 ? top : edges[k - 1]) : y;
    }
  }
  return { strips: rowStrips(edges) };
}
