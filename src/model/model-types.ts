import type { KlineSeries } from '../klines/kline';
import type { OpenInterestInput } from './open-interest';

/** Extra inputs of {@link LiquidationModel.setData}. */
export interface ModelContext {
  /**
   * Open-interest history, numbers or Binance's own `openInterestHist` rows (numeric strings); with it the
   * model reports estimated USD notional instead of relative heat.
   */
  openInterest?: readonly OpenInterestInput[];
  /** Mark-price klines (`/fapi/v1/markPriceKlines`) matched by open time; sweeps then use mark high/low. */
  markPrice?: KlineSeries;
  /** Whether the last bar is still forming (default true): `update` with its open time then replaces it. */
  lastBarForming?: boolean;
}

/** Pacing of {@link LiquidationModel.setDataAsync}. */
export interface AsyncControl {
  /** Work per slice before yielding, in ms. Default 8. */
  sliceMs?: number;
  signal?: AbortSignal;
  /** Called between slices with bars done and total. */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link LiquidationModel.update} did with a kline. */
export type UpdateResult = 'forming' | 'closed' | 'stale' | 'rebuilt';

/** The unit of densities and notionals: estimated USD with open interest, else relative heat. */
export type DensityUnit = 'usd' | 'heat';

/**
 * One heatmap column as read-only views: `rows` values per side, row 0 at the grid's lowest price.
 * Values are raw; multiply by `scale` for the model's unit. Views stay valid until the model's next
 * data revision (a recompute may reallocate storage).
 */
export interface ColumnView {
  /** Column (bar) index. */
  readonly index: number;
  /** Open time of the bar, epoch ms. */
  readonly time: number;
  readonly long: Readonly<Float32Array>;
  readonly short: Readonly<Float32Array>;
  /** Multiplier from raw values to the unit (USD with open interest, else 1). */
  readonly scale: number;
  /**
   * Raw mass beyond the grid's far edge, long (below the grid) and short (above it): accounted for in
   * totals, not drawn. Its size does not depend on how wide the history made the grid.
   */
  readonly offGrid: readonly [number, number];
}

/** Density of one cell in the model's unit. */
export interface CellDensity {
  long: number;
  short: number;
  total: number;
}

/**
 * What changed in a model, for caches keyed on it. `data` changes when any closed column may have changed
 * (a full recompute: new data, options, open interest, a bar outside the grid); it is unique across all
 * models in the process, so a swapped-in model never repeats an old revision. `tail` changes when only the
 * last column changed or a closed bar was appended (closed history never changes between data revisions).
 */
export interface ModelRevision {
  readonly data: number;
  readonly tail: number;
}
