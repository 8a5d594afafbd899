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
  if (series.priceScale().options().mode !== LOGARITHMIC) {
    const ends = gridEnds(series, grid);
    return ends ? { strips: linearStrips(grid, ends.yLow, ends.yHigh) } : null;
  }
  const edges = new Float64Array(grid.rows + 1);
  const top = series.priceToCoordinate(gridMax(grid));
  if (top === null) return null;
  for (let k = 0; k <= grid.rows; k++) {
    const y = series.priceToCoordinate(rowLow(grid, grid.rows - k));
    edges[k] = y === null ? (k === 0 ? top : edges[k - 1]) : y;
  }
  return { strips: rowStrips(edges) };
}

/**
 * {@link rowGeometry} remembered across frames: on a linear axis the strips depend only on the grid and
 * where its lowest and highest prices land, so while those stay put (a pan that leaves the autoscale
 * alone) the last strips are handed back instead of recomputing every row's edge.
 */
export class RowGeometryCache {
  private grid: PriceGrid | null = null;
  private yLow = NaN;
  private yHigh = NaN;
  private strips: RowStrip[] = [];

  /** The row geometry of `grid` on `series` now. */
  of(series: ISeriesApi<SeriesType, Time>, grid: PriceGrid): { strips: RowStrip[] } | null {
    if (series.priceScale().options().mode === LOGARITHMIC) {
      this.grid = null;
      return rowGeometry(series, grid);
    }
    const ends = gridEnds(series, grid);
    if (!ends) return null;
    if (grid !== this.grid || ends.yLow !== this.yLow || ends.yHigh !== this.yHigh) {
      this.strips = linearStrips(grid, ends.yLow, ends.yHigh);
      this.grid = grid;
      this.yLow = ends.yLow;
      this.yHigh = ends.yHigh;
    }
    return { strips: this.strips };
  }

  /** Forgets the last geometry (detach). */
  reset(): void {
    this.grid = null;
    this.strips = [];
  }
}

function gridEnds(series: ISeriesApi<SeriesType, Time>, grid: PriceGrid): { yLow: number; yHigh: number } | null {
  const yLow = series.priceToCoordinate(gridMin(grid));
  const yHigh = series.priceToCoordinate(gridMax(grid));
  return yLow === null || yHigh === null ? null : { yLow, yHigh };
}

function linearStrips(grid: PriceGrid, yLow: number, yHigh: number): RowStrip[] {
  const edges = new Float64Array(grid.rows + 1);
  const low = gridMin(grid);
  const high = gridMax(grid);
  const perPrice = (yLow - yHigh) / (high - low);
  for (let k = 0; k <= grid.rows; k++) edges[k] = yHigh + (high - rowLow(grid, grid.rows - k)) * perPrice;
  return rowStrips(edges);
}
