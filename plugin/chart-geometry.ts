import type { IChartApiBase, ISeriesApi, SeriesType, Time } from 'lightweight-charts';
import { gridMax, gridMin, rowLow, type PriceGrid } from '../src/model/price-grid';
import { rowStrips, type RowStrip } from './row-strips';

/** Where the model's columns and rows land in the pane, in media pixels. */
export interface ColumnGeometry {
  /** Left edge of column 0 and the width of one column (the bar spacing). */
  x0: number;
  columnWidth: number;
  /** Visible columns `[firstColumn, endColumn)`. */
  firstColumn: number;
  endColumn: number;
}

const LOGARITHMIC = 1;

/**
 * Maps the model's columns onto the time scale. Bars are evenly spaced by logical index, so column `c`
 * sits at the logical index of the first column found in the series plus `c`.
 */
export function columnGeometry(chart: IChartApiBase<Time>, openTimes: Float64Array, count: number): ColumnGeometry | null {
  const timeScale = chart.timeScale();
  const range = timeScale.getVisibleLogicalRange();
  if (!range || count === 0) return null;
  let first: number | null = null;
  for (let c = 0; c < count && c < 64 && first === null; c++) {
    const index = timeScale.timeToIndex((openTimes[c] / 1000) as Time, false);
    if (index !== null) first = index - c;
  }
  if (first === null) {
    const index = timeScale.timeToIndex((openTimes[count - 1] / 1000) as Time, false);
    if (index === null) return null;
    first = index - (count - 1);
  }
  const xa = timeScale.logicalToCoordinate(first as never);
  const xb = timeScale.logicalToCoordinate((first + 1) as never);
  if (xa === null || xb === null) return null;
  const columnWidth = xb - xa;
  return {
    x0: xa - columnWidth / 2,
    columnWidth,
    firstColumn: Math.max(0, Math.floor(range.from - first)),
    endColumn: Math.min(count, Math.ceil(range.to - first) + 1),
  };
}

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
