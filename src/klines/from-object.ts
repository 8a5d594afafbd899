import type { Kline } from './kline';
import { KlineError } from './kline-error';
import { OPTIONAL_FIELDS, REQUIRED_FIELDS, resolveFieldNames, type KlineNumberField } from './kline-fields';
import { klineFromValues } from './kline-from-values';

/**
 * Converts a plain object to a {@link Kline}:
 * `{ openTime | time, open, high, low, close, volume, closeTime?, quoteVolume?, takerBuyBase?, takerBuyQuote?, trades?, closed? }`
 * with numbers or numeric strings. Keys match like CSV headers (case, `_`, `-` ignored; `open_time`, `timestamp`,
 * `quote_asset_volume`, `number_of_trades`, ... also work). `time` in seconds (lightweight-charts'
 * `UTCTimestamp`) or microseconds becomes ms; a business-day or date-string `time` is rejected.
 * @param row - 1-based position of the object in its input, for error messages.
 * @param source - name of the input, for error messages.
 * @throws KlineError `format` (not an object), `missing-field` or `non-numeric`.
 */
export function klineFromObject(value: unknown, row?: number, source?: string): Kline {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KlineError('format', 'a kline must be an object', row, undefined, source);
  }
  const record = value as Readonly<Record<string, unknown>>;
  const keys = Object.keys(record);
  const found = resolveFieldNames(keys);
  const named: Partial<Record<KlineNumberField, unknown>> = {};
  for (const field of [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]) {
    const index = found[field];
    if (index !== undefined) named[field] = record[keys[index]];
  }
  const kline = klineFromValues(named, row, source);
  if (typeof record.closed === 'boolean') kline.closed = record.closed;
  return kline;
}
