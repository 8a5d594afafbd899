import type { Kline, KlineSeries } from '../klines/kline';

const FIELDS = ['openTime', 'open', 'high', 'low', 'close', 'volume', 'quoteVolume', 'takerBuyBase', 'takerBuyQuote', 'trades'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The bars a model holds, read-only: typed views of the columns (valid until the model's next write;
 * do not write through them), plus lookups. Copy with `toSeries()` or `get(i)` to keep them.
 */
export interface KlineView {
  readonly length: number;
  /** Bar spacing in ms (0 when unknown). */
  readonly intervalMs: number;
  readonly openTime: Readonly<Float64Array>;
  readonly open: Readonly<Float64Array>;
  readonly high: Readonly<Float64Array>;
  readonly low: Readonly<Float64Array>;
  readonly close: Readonly<Float64Array>;
  readonly volume: Readonly<Float64Array>;
  /** The bar at `i` as a new plain object. */
  get(i: number): Kline;
  /** Index of the bar opened at `time`, or -1. */
  indexOf(time: number): number;
  /** A copy of the bars as a series. */
  toSeries(): KlineSeries;
}

/** A growable column store of klines: the model's own copy of the bars it has seen. */
export class KlineBuffer implements KlineView {
  intervalMs = 0;
  private count = 0;
  private columns: Record<Field, Float64Array>;

  constructor(capacity = 64) {
    this.columns = allocate(capacity);
  }

  static from(series: KlineSeries): KlineBuffer {
    const buffer = new KlineBuffer(Math.max(64, series.length + 64));
    for (const field of FIELDS) buffer.columns[field].set(series[field].subarray(0, series.length));
    buffer.count = series.length;
    buffer.intervalMs = series.intervalMs;
    return buffer;
  }

  /** Number of bars held (read-only: the model's own count). */
  get length(): number { return this.count; }
  get openTime(): Float64Array { return this.columns.openTime; }
  get open(): Float64Array { return this.columns.open; }
  get high(): Float64Array { return this.columns.high; }
  get low(): Float64Array { return this.columns.low; }
  get close(): Float64Array { return this.columns.close; }
  get volume(): Float64Array { return this.columns.volume; }
  get quoteVolume(): Float64Array { return this.columns.quoteVolume; }
  get takerBuyBase(): Float64Array { return this.columns.takerBuyBase; }

  /** A copy of the bars held, as a series. */
  toSeries(): KlineSeries {
    const c = this.columns;
    const n = this.length;
    return {
      length: n,
      openTime: c.openTime.slice(0, n),
      open: c.open.slice(0, n),
      high: c.high.slice(0, n),
      low: c.low.slice(0, n),
      close: c.close.slice(0, n),
      volume: c.volume.slice(0, n),
      quoteVolume: c.quoteVolume.slice(0, n),
      takerBuyBase: c.takerBuyBase.slice(0, n),
      takerBuyQuote: c.takerBuyQuote.slice(0, n),
      trades: c.trades.slice(0, n),
      intervalMs: this.intervalMs,
      gaps: [],
    };
  }

  /** Writes `kline` at index `i` (`i === length` appends). */
  set(i: number, kline: Kline): void {
    if (i >= this.columns.openTime.length) this.grow(Math.max(64, this.columns.openTime.length * 2));
    const c = this.columns;
    c.openTime[i] = kline.openTime;
    c.open[i] = kline.open;
    c.high[i] = kline.high;
    c.low[i] = kline.low;
    c.close[i] = kline.close;
    c.volume[i] = kline.volume;
    c.quoteVolume[i] = kline.quoteVolume ?? NaN;
    c.takerBuyBase[i] = kline.takerBuyBase ?? NaN;
    c.takerBuyQuote[i] = kline.takerBuyQuote ?? NaN;
    c.trades[i] = kline.trades ?? NaN;
    if (i >= this.count) this.count = i + 1;
  }

  /** The bar at `i` as a plain object. */
  get(i: number): Kline {
    const c = this.columns;
    const kline: Kline = { openTime: c.openTime[i], open: c.open[i], high: c.high[i], low: c.low[i], close: c.close[i], volume: c.volume[i] };
    if (c.quoteVolume[i] === c.quoteVolume[i]) kline.quoteVolume = c.quoteVolume[i];
    if (c.takerBuyBase[i] === c.takerBuyBase[i]) kline.takerBuyBase = c.takerBuyBase[i];
    if (c.takerBuyQuote[i] === c.takerBuyQuote[i]) kline.takerBuyQuote = c.takerBuyQuote[i];
    if (c.trades[i] === c.trades[i]) kline.trades = c.trades[i];
    return kline;
  }

  /** Lowest low and highest high of bars `[0, count)`. */
  range(count = this.length): [number, number] {
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < count; i++) {
      if (this.columns.low[i] < low) low = this.columns.low[i];
      if (this.columns.high[i] > high) high = this.columns.high[i];
    }
    return [low, high];
  }

  /** Index of the bar opened at `time`, or -1 (binary search; open times are increasing). */
  indexOf(time: number): number {
    let lo = 0;
    let hi = this.length - 1;
    const t = this.columns.openTime;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid] === time) return mid;
      if (t[mid] < time) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private grow(capacity: number): void {
    const next = allocate(capacity);
    for (const field of FIELDS) next[field].set(this.columns[field].subarray(0, this.length));
    this.columns = next;
  }
}

function allocate(capacity: number): Record<Field, Float64Array> {
  const columns = {} as Record<Field, Float64Array>;
  for (const field of FIELDS) columns[field] = new Float64Array(capacity);
  return columns;
}
