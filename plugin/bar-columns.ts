import { firstAtOrAfter } from '../src/klines/slice-series';
import type { ColumnView, ModelRevision } from '../src/model/model-types';
import type { PriceGrid } from '../src/model/price-grid';
import type { ColumnsReader } from './columns-reader';

/** Longest bar that {@link BarColumns} groups by: up to a day, Binance bars open at whole multiples of their length. */
export const MAX_GROUPED_BAR_MS = 86_400_000;

/**
 * The model's columns one per chart bar when the klines are finer than the bars (15m klines under 4h
 * candles): each bar shows the last column whose kline opens inside it, the state at the bar's close (or
 * now, for the forming bar), so the heatmap and levels of a 4h chart are those of the finer model at the
 * same moment. Bars are `barMs` long from the epoch (Binance bars up to 1d).
 */
export class BarColumns implements ColumnsReader {
  private source: ColumnsReader | null = null;
  private barMs = 0;
  private version = -1;
  private seen = 0;
  private count = 0;
  private pick = new Int32Array(0);
  private times = new Float64Array(0);
  private view: { readonly openTime: Float64Array; readonly intervalMs: number } = { openTime: this.times, intervalMs: 0 };

  /** Brings the grouping up to date with `source` (re-reading only new columns between data revisions). */
  sync(source: ColumnsReader, barMs: number): this {
    const total = source.length;
    if (source !== this.source || barMs !== this.barMs || source.revision.data !== this.version || total < this.seen) {
      this.source = source;
      this.barMs = barMs;
      this.version = source.revision.data;
      this.seen = this.count = 0;
    }
    if (this.pick.length < total) {
      const size = Math.max(total, this.pick.length * 2, 64);
      const pick = new Int32Array(size);
      pick.set(this.pick.subarray(0, this.count));
      const times = new Float64Array(size);
      times.set(this.times.subarray(0, this.count));
      this.pick = pick;
      this.times = times;
    }
    const openTime = source.klines.openTime;
    for (let c = this.seen; c < total; c++) {
      const bar = Math.floor(openTime[c] / barMs) * barMs;
      if (this.count > 0 && this.times[this.count - 1] === bar) {
        this.pick[this.count - 1] = c;
      } else {
        this.times[this.count] = bar;
        this.pick[this.count++] = c;
      }
    }
    this.seen = total;
    return this;
  }

  get grid(): PriceGrid | null {
    return this.source?.grid ?? null;
  }

  get revision(): ModelRevision {
    return this.source?.revision ?? { data: -1, tail: -1 };
  }

  get length(): number {
    return this.count;
  }

  get klines(): { readonly openTime: Float64Array; readonly intervalMs: number } {
    // Read several times a frame: one object per grouping, not per read.
    if (this.view.openTime !== this.times || this.view.intervalMs !== this.barMs) this.view = { openTime: this.times, intervalMs: this.barMs };
    return this.view;
  }

  /** The model column shown on bar `i` (the last one opening inside it). */
  sourceColumn(i: number): number {
    return this.pick[i];
  }

  columnAt(i: number): ColumnView {
    if (!this.source || i < 0 || i >= this.count) throw new RangeError(`BarColumns: no bar ${i} (${this.count} bars)`);
    return this.source.columnAt(this.pick[i]);
  }

  /** The model column shown on the bar opening at `ms` (epoch ms), or -1. */
  columnAtTime(ms: number): number {
    const i = firstAtOrAfter(this.times, ms, 0, this.count);
    return i < this.count && this.times[i] === ms ? this.pick[i] : -1;
  }
}
