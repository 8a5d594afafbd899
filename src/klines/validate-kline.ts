import type { Kline } from './kline';
import { toEpochMs } from './epoch-ms';
import { KlineError, type KlineErrorKind } from './kline-error';
import { OPTIONAL_FIELDS, REQUIRED_FIELDS, type KlineNumberField } from './kline-fields';

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

const PRICE_FIELDS: ReadonlySet<KlineNumberField> = new Set(['open', 'high', 'low', 'close']);
const TIME_FIELDS: ReadonlySet<KlineNumberField> = new Set(['openTime', 'closeTime']);

/**
 * Checks one kline's own values (not its place in a series): every required field, and every optional
 * field present, is a finite number, not negative, times (in s, ms or µs) before the year 10000, prices at most {@link MAX_KLINE_PRICE}, volumes and
 * trade counts at most {@link MAX_KLINE_VOLUME}; `high` is at least `low` and the body, `low` at most the body.
 * @throws KlineError `non-numeric`, `negative`, `out-of-range`, `high-below-body` or `low-above-body`,
 * naming the source, row and field.
 */
export function validateKline(kline: Kline, at: KlinePlace = {}): void {
  const fail: Fail = (kind, reason, field) => {
    throw new KlineError(kind, reason, at.row, field, at.source);
  };
  if (typeof kline !== 'object' || kline === null) fail('format', `a kline must be an object, got ${String(kline)}`);
  for (const field of REQUIRED_FIELDS) checkValue(kline[field], field, fail);
  for (const field of OPTIONAL_FIELDS) {
    const value: unknown = kline[field];
    if (value !== undefined && value !== null) checkValue(value, field, fail);
  }
  const { open, high, low, close } = kline;
  const body = () => `the body (open ${open}, close ${close})`;
  if (high < low) fail('high-below-body', `high ${high} is below low ${low}`, 'high');
  if (high < Math.max(open, close)) fail('high-below-body', `high ${high} is below ${body()}`, 'high');
  if (low > Math.min(open, close)) fail('low-above-body', `low ${low} is above ${body()}`, 'low');
}

type Fail = (kind: KlineErrorKind, reason: string, field?: string) => never;

function checkValue(value: unknown, field: KlineNumberField, fail: Fail): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('non-numeric', `not a finite number: ${String(value)}`, field);
  const n = value as number;
  if (n < 0) fail('negative', `negative value ${n}`, field);
  if (TIME_FIELDS.has(field)) {
    if (toEpochMs(n) > MAX_KLINE_TIME) fail('out-of-range', `time ${n} is after the year 9999`, field);
    return;
  }
  const max = PRICE_FIELDS.has(field) ? MAX_KLINE_PRICE : MAX_KLINE_VOLUME;
  if (n > max) fail('out-of-range', `${n} is above the largest accepted ${PRICE_FIELDS.has(field) ? 'price' : 'volume'} ${max}`, field);
}
