import { toEpochMs } from './epoch-ms';
import type { Kline } from './kline';
import { KlineError } from './kline-error';
import type { KlineNumberField } from './kline-fields';

/** Largest price a kline may carry: far above any traded asset, well inside float range for the model's sums. */
export const MAX_KLINE_PRICE = 1e12;

/** Largest volume (base, quote or taker) or trade count a kline may carry. */
export const MAX_KLINE_VOLUME = 1e15;

/** Latest time a kline may carry: the end of year 9999 UTC, epoch ms (after seconds/µs normalisation). */
export const MAX_KLINE_TIME = 253_402_300_799_999;

/** Where a kline came from, for error messages. */
export interface KlinePlace {
  /** 1-based row (CSV: line number) in its source. */
  readonly row?: number;
  /** Name of the input, e.g. the file path. */
  readonly source?: string;
}

type Limit = 'time' | 'price' | 'volume';

const REQUIRED: readonly (readonly [KlineNumberField, Limit])[] = [
  ['openTime', 'time'],
  ['open', 'price'],
  ['high', 'price'],
  ['low', 'price'],
  ['close', 'price'],
  ['volume', 'volume'],
];

const OPTIONAL: readonly (readonly [KlineNumberField, Limit])[] = [
  ['closeTime', 'time'],
  ['quoteVolume', 'volume'],
  ['trades', 'volume'],
  ['takerBuyBase', 'volume'],
  ['takerBuyQuote', 'volume'],
];

const MAX: Readonly<Record<Limit, number>> = { time: MAX_KLINE_TIME, price: MAX_KLINE_PRICE, volume: MAX_KLINE_VOLUME };

/**
 * Checks one kline's own values (not its place in a series): every required field, and every optional
 * field present, is a finite number and not negative; times (s, ms or µs) fall before the year 10000,
 * prices are at most {@link MAX_KLINE_PRICE}, volumes and trade counts at most {@link MAX_KLINE_VOLUME};
 * `high` is at least `low` and the body, `low` at most the body. The parser and `LiquidationModel.update`
 * both use it.
 * @throws KlineError `format` (not an object), `non-numeric`, `negative`, `out-of-range`,
 * `high-below-body` or `low-above-body`, naming the source, row and field.
 */
export function validateKline(kline: Kline, at: KlinePlace = {}): void {
  if (typeof kline !== 'object' || kline === null) {
    throw new KlineError('format', `a kline must be an object, got ${String(kline)}`, at.row, undefined, at.source);
  }
  for (let i = 0; i < REQUIRED.length; i++) checkValue(kline[REQUIRED[i][0]], REQUIRED[i][0], REQUIRED[i][1], at);
  for (let i = 0; i < OPTIONAL.length; i++) {
    const value: unknown = kline[OPTIONAL[i][0]];
    if (value !== undefined && value !== null) checkValue(value, OPTIONAL[i][0], OPTIONAL[i][1], at);
  }
  const { open, high, low, close } = kline;
  if (high < low || high < open || high < close || low > open || low > close) throw bodyError(kline, at);
}

function bodyError({ open, high, low, close }: Kline, at: KlinePlace): KlineError {
  const body = `the body (open ${open}, close ${close})`;
  if (high < low) return new KlineError('high-below-body', `high ${high} is below low ${low}`, at.row, 'high', at.source);
  if (high < Math.max(open, close)) return new KlineError('high-below-body', `high ${high} is below ${body}`, at.row, 'high', at.source);
  return new KlineError('low-above-body', `low ${low} is above ${body}`, at.row, 'low', at.source);
}

function checkValue(value: unknown, field: KlineNumberField, limit: Limit, at: KlinePlace): void {
  // One comparison chain for the common case: NaN fails `>= 0`, Infinity fails `<= max`.
  if (typeof value === 'number' && value >= 0 && (limit === 'time' ? toEpochMs(value) : value) <= MAX[limit]) return;
  throw explain(value, field, limit, at);
}

function explain(value: unknown, field: KlineNumberField, limit: Limit, at: KlinePlace): KlineError {
  const error = (kind: 'non-numeric' | 'negative' | 'out-of-range', reason: string) => new KlineError(kind, reason, at.row, field, at.source);
  if (typeof value !== 'number' || !Number.isFinite(value)) return error('non-numeric', `not a finite number: ${String(value)}`);
  if (value < 0) return error('negative', `negative value ${value}`);
  if (limit === 'time') return error('out-of-range', `time ${value} is after the year 9999`);
  return error('out-of-range', `${value} is above the largest accepted ${limit} ${MAX[limit]}`);
}
