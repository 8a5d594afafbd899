import { barsInSpacing, closeTimeFits, seriesInterval } from './bar-spacing';
import { describeSpan, describeTime } from './describe-time';
import { toEpochMs } from './epoch-ms';
import type { Kline, KlineGap, KlineSeries } from './kline';
import { KlineError, type KlineErrorKind } from './kline-error';
import { validateKline } from './validate-kline';
import { OPTIONAL_FIELDS, REQUIRED_FIELDS, type KlineNumberField } from './kline-fields';

/** Options for {@link toKlineSeries}. */
export interface KlineSeriesOptions {
  /** Name of the input (e.g. the file path), used in error messages. */
  source?: string;
  /** Bar interval in ms; by default the most common spacing of open times. */
  intervalMs?: number;
  /**
   * Row number of each kline in its source (parallel to `klines`), used in error messages;
   * by default the 1-based index. CSV parsing gives line numbers here.
   */
  rows?: readonly number[];
}

/**
 * Validates klines (oldest first) and stores them as columns, optional ones `NaN` where missing.
 * Open and close times in seconds or microseconds are normalised to ms.
 *
 * The interval is `options.intervalMs`, else the most common spacing of open times (ties: the
 * smaller), else for a single bar `closeTime - openTime + 1`, else 0. Intervals of 28 days or more
 * are monthly: the series reports 30 days and accepts 28 to 31-day spacings per month.
 * Spacings of `k > 1` intervals are gaps, reported in `gaps`, not errors.
 * @throws KlineError, with the row (`options.rows` or the 1-based index) and field:
 * `empty` (no klines); `format` (an element is not an object); `non-numeric` (a value is not a finite
 * number); `negative` (any value below zero); `out-of-range` (see {@link validateKline}); `high-below-body` (`high < max(open, close)` or `high < low`); `low-above-body`
 * (`low > min(open, close)`); `duplicate` / `unsorted` (open time equal to / before the previous);
 * `mixed-interval` (a spacing that is not a whole multiple of the interval, or a close time that
 * disagrees with it by more than a second).
 * @throws RangeError when `options.intervalMs` is given and not a positive number.
 */
export function toKlineSeries(klines: readonly Kline[], options: KlineSeriesOptions = {}): KlineSeries {
  const builder = new KlineSeriesBuilder(klines, options);
  builder.fill(klines.length);
  return builder.finish();
}

/**
 * {@link toKlineSeries} in steps: `fill(count)` validates and stores the next `count` rows, so a long
 * history can be converted across several tasks. Throws the same errors, from the step that meets them.
 */
export class KlineSeriesBuilder {
  readonly length: number;
  private done = 0;
  private readonly columns = {} as Record<KlineNumberField, Float64Array>;
  private readonly intervalMs: number;
  private readonly gaps: KlineGap[] = [];
  private readonly fail: Fail;
  private readonly source: string | undefined;
  private readonly rows: readonly number[] | undefined;

  constructor(
    private readonly klines: readonly Kline[],
    options: KlineSeriesOptions = {},
  ) {
    const { source, rows } = options;
    this.source = source;
    this.rows = rows;
    const length = klines.length;
    if (length === 0) throw new KlineError('empty', 'no klines', undefined, undefined, source);
    this.length = length;
    this.fail = (kind, reason, index, field) => {
      throw new KlineError(kind, reason, rows?.[index] ?? index + 1, field, source);
    };
    const columns = this.columns;
    for (const field of [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]) columns[field] = new Float64Array(length);
    for (let i = 0; i < length; i++) columns.openTime[i] = toEpochMs(Number(klines[i]?.openTime));
    this.intervalMs = seriesInterval(options.intervalMs, columns.openTime, klines[0]?.closeTime);
  }

  /** Rows converted so far. */
  get filled(): number {
    return this.done;
  }

  /** Validates and stores up to `count` more rows; returns how many rows remain. */
  fill(count: number): number {
    const end = Math.min(this.length, this.done + count);
    for (let i = this.done; i < end; i++) this.row(i);
    this.done = end;
    return this.length - end;
  }

  /** The series; every row must have been filled. */
  finish(): KlineSeries {
    if (this.done < this.length) throw new Error(`KlineSeriesBuilder.finish: ${this.length - this.done} rows not filled`);
    const columns = this.columns;
    return {
      length: this.length,
      openTime: columns.openTime,
      open: columns.open,
      high: columns.high,
      low: columns.low,
      close: columns.close,
      volume: columns.volume,
      quoteVolume: columns.quoteVolume,
      takerBuyBase: columns.takerBuyBase,
      takerBuyQuote: columns.takerBuyQuote,
      trades: columns.trades,
      intervalMs: this.intervalMs,
      gaps: this.gaps,
    };
  }

  private row(i: number): void {
    const { columns } = this;
    const kline = this.klines[i];
    validateKline(kline, { row: this.rows?.[i] ?? i + 1, source: this.source });
    for (const field of REQUIRED_FIELDS) columns[field][i] = kline[field];
    for (const field of OPTIONAL_FIELDS) columns[field][i] = kline[field] ?? NaN;
    columns.openTime[i] = toEpochMs(columns.openTime[i]);
    columns.closeTime[i] = toEpochMs(columns.closeTime[i]);

    const intervalMs = this.intervalMs;
    const fail: Fail = this.fail;
    const openTime = columns.openTime[i];
    const closeTime = columns.closeTime[i];
    if (intervalMs > 0 && !Number.isNaN(closeTime) && !closeTimeFits(openTime, closeTime, intervalMs)) {
      const span = describeSpan(closeTime - openTime + 1);
      const reason = `bar spans ${span} to ${describeTime(closeTime)}, not the series interval ${describeSpan(intervalMs)}`;
      fail('mixed-interval', reason, i, 'closeTime');
    }
    if (i === 0) return;

    const previous = columns.openTime[i - 1];
    const spacing = openTime - previous;
    const when = () => `open time ${describeTime(openTime)}`;
    if (spacing === 0) fail('duplicate', `${when()} repeats the previous row`, i, 'openTime');
    if (spacing < 0) {
      fail('unsorted', `${when()} is before the previous ${describeTime(previous)} (klines must be oldest first)`, i, 'openTime');
    }
    if (intervalMs === 0) return;
    const bars = barsInSpacing(spacing, intervalMs);
    if (bars === undefined) {
      const interval = describeSpan(intervalMs);
      const reason = `${when()} is ${describeSpan(spacing)} after the previous row, not a whole number of ${interval} bars`;
      fail('mixed-interval', reason, i, 'openTime');
    }
    if (bars > 1) this.gaps.push({ after: previous, before: openTime, missing: bars - 1 });
  }
}

type Fail = (kind: KlineErrorKind, reason: string, index: number, field: string) => never;
