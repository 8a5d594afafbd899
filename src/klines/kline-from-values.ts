import { toEpochMs } from './epoch-ms';
import type { Kline } from './kline';
import type { KlineNumberField } from './kline-fields';
import { parseOptionalNumber, parseRequiredNumber } from './parse-number';

/** Raw field values (numbers, numeric strings, or blank/absent for optional fields). */
export type KlineValues = Readonly<Partial<Record<KlineNumberField, unknown>>>;

/**
 * Builds a {@link Kline} from raw values: strict numbers, times normalised to ms, blank optionals
 * left `undefined`. Errors name the kline field.
 * @throws KlineError `missing-field` or `non-numeric`.
 */
export function klineFromValues(values: KlineValues, row?: number, source?: string): Kline {
  const required = (field: KlineNumberField): number => parseRequiredNumber(values[field], { field, row, source });
  const optional = (field: KlineNumberField): number | undefined =>
    parseOptionalNumber(values[field], { field, row, source });
  const closeTime = optional('closeTime');
  return {
    openTime: toEpochMs(required('openTime')),
    open: required('open'),
    high: required('high'),
    low: required('low'),
    close: required('close'),
    volume: required('volume'),
    closeTime: closeTime === undefined ? undefined : toEpochMs(closeTime),
    quoteVolume: optional('quoteVolume'),
    takerBuyBase: optional('takerBuyBase'),
    takerBuyQuote: optional('takerBuyQuote'),
    trades: optional('trades'),
  };
}
