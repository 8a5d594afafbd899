import type { Kline } from './kline';

/** The numeric fields of a {@link Kline}. */
export type KlineNumberField = Exclude<keyof Kline, 'closed'>;

/** Fields every kline must have. */
export const REQUIRED_FIELDS = ['openTime', 'open', 'high', 'low', 'close', 'volume'] as const;

/** Fields a kline may lack (missing, never zero). */
export const OPTIONAL_FIELDS = ['closeTime', 'quoteVolume', 'trades', 'takerBuyBase', 'takerBuyQuote'] as const;

/** One of {@link REQUIRED_FIELDS}. */
export type RequiredKlineField = (typeof REQUIRED_FIELDS)[number];

/** One of {@link OPTIONAL_FIELDS}. */
export type OptionalKlineField = (typeof OPTIONAL_FIELDS)[number];

/**
 * Binance's kline column order (REST rows, public-data CSVs): names as in the public-data header and
 * the field each one fills (`ignore` fills none).
 */
export const BINANCE_COLUMNS: readonly (readonly [name: string, field: KlineNumberField | undefined])[] = [
  ['open_time', 'openTime'],
  ['open', 'open'],
  ['high', 'high'],
  ['low', 'low'],
  ['close', 'close'],
  ['volume', 'volume'],
  ['close_time', 'closeTime'],
  ['quote_volume', 'quoteVolume'],
  ['count', 'trades'],
  ['taker_buy_volume', 'takerBuyBase'],
  ['taker_buy_quote_volume', 'takerBuyQuote'],
  ['ignore', undefined],
];

// Spellings accepted for each field, most specific first: the first one present wins. Matching
// ignores case, spaces, `_`, `-` and quotes, so `open_time` also covers `openTime` and `Open Time`.
const ALIASES: Readonly<Record<KlineNumberField, readonly string[]>> = {
  openTime: ['open_time', 'timestamp', 'time', 'date'],
  open: ['open'],
  high: ['high'],
  low: ['low'],
  close: ['close'],
  volume: ['volume', 'base_volume', 'vol'],
  closeTime: ['close_time'],
  quoteVolume: ['quote_volume', 'quote_asset_volume'],
  trades: ['count', 'trades', 'number_of_trades', 'trade_count'],
  takerBuyBase: ['taker_buy_volume', 'taker_buy_base_asset_volume', 'taker_buy_base', 'taker_buy_base_volume'],
  takerBuyQuote: ['taker_buy_quote_volume', 'taker_buy_quote_asset_volume', 'taker_buy_quote'],
};

/** `Open Time`, `open_time`, `openTime` and `"open-time"` all become `opentime`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_"'-]/g, '');
}

/**
 * Maps each kline field to the index of the first name in `names` that is one of its accepted
 * spellings (case, `_`, `-` and spaces ignored). Fields with no such name are absent.
 */
export function resolveFieldNames(names: readonly string[]): Partial<Record<KlineNumberField, number>> {
  const normalised = names.map(normaliseName);
  const found: Partial<Record<KlineNumberField, number>> = {};
  for (const field of Object.keys(ALIASES) as KlineNumberField[]) {
    for (const alias of ALIASES[field]) {
      const index = normalised.indexOf(normaliseName(alias));
      if (index >= 0) {
        found[field] = index;
        break;
      }
    }
  }
  return found;
}

/** Accepted spellings of a field, for error messages. */
export function fieldAliases(field: KlineNumberField): readonly string[] {
  return ALIASES[field];
}
