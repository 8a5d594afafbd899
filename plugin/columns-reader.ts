import type { ColumnView, ModelRevision } from '../src/model/model-types';
import type { PriceGrid } from '../src/model/price-grid';

/** What the heatmap view reads: the model's read API, or the model's columns one per chart bar ({@link BarColumns}). */
export interface ColumnsReader {
  readonly grid: PriceGrid | null;
  readonly revision: ModelRevision;
  readonly length: number;
  readonly klines: { readonly openTime: Float64Array; readonly intervalMs: number };
  columnAt(i: number): ColumnView;
}
