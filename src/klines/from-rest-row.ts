import type { Kline } from './kline';
import { KlineError } from './kline-error';
import { BINANCE_COLUMNS, REQUIRED_FIELDS, type KlineNumberField } from './kline-fields';
import { klineFromValues } from './kline-from-values';

/**
 * Converts one Binance REST kline row (`GET /fapi/v1/klines`:
 * `[openTime, open, high, low, close, volume, closeTime, quoteVolume, trades, takerBuyBase, takerBuyQuote, ignore]`,
 * strings and numbers) to a {@link Kline}. Rows of 6 to 11 elements are accepted; absent or blank trailing
 * values are missing.
 * @param row - 1-based position of the row in its input, for error messages.
 * @param source - name of the input, for error messages.
 * @throws KlineError `format` (not an array), `missing-field` (fewer than 6 values) or `non-numeric`.
 */
export function klineFromRestRow(values: unknown, row?: number, source?: string): Kline {
  if (!Array.isArray(values)) {
    throw new KlineError('format', 'a REST kline row must be an array', row, undefined, source);
  }
  if (values.length < REQUIRED_FIELDS.length) {
    const field = BINANCE_COLUMNS[values.length][1];
    throw new KlineError('missing-field', `row has ${values.length} values, expected 12 (at least 6)`, row, field, source);
  }
  const named: Partial<Record<KlineNumberField, unknown>> = {};
  BINANCE_COLUMNS.forEach(([, field], index) => {
    if (field !== undefined && index < values.length) named[field] = values[index];
  });
  return klineFromValues(named, row, source);
}
