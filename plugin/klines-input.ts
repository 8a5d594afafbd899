import type { Kline, KlineSeries } from '../src/klines/kline';
import { parseKline, parseKlines } from '../src/klines/parse-klines';
import { toKlineSeries } from '../src/klines/to-series';
import { toKlineSeriesAsync, type SeriesPacing } from '../src/klines/to-series-async';

/** Klines in any form the parser accepts: a parsed series, REST rows, websocket messages, objects, CSV or JSON text. */
export type KlinesInput = KlineSeries | string | readonly unknown[];

/** A series from any accepted input; kline objects skip the generic parser (a long history is parsed once). */
export function toSeries(klines: KlinesInput): KlineSeries {
  if (isKlineSeries(klines)) return klines;
  if (isKlineArray(klines)) return toKlineSeries(klines, { source: 'setData' });
  return parseKlines(klines as string | readonly unknown[], { source: 'setData' });
}

/** {@link toSeries} for `setDataAsync`: kline objects are converted in slices. */
export async function toSeriesAsync(klines: KlinesInput, pacing: SeriesPacing): Promise<KlineSeries> {
  if (isKlineArray(klines)) return toKlineSeriesAsync(klines, { source: 'setData' }, pacing);
  return toSeries(klines);
}

/** One kline for `update` from any accepted form; throws the `KlineError` naming the field. */
export function toKline(kline: unknown): Kline {
  return isKline(kline) ? kline : parseKline(kline, undefined, 'update');
}

function isKlineArray(klines: KlinesInput): klines is readonly Kline[] {
  return Array.isArray(klines) && klines.length > 0 && klines.every(isKline);
}

function isKlineSeries(value: unknown): value is KlineSeries {
  return typeof value === 'object' && value !== null && (value as KlineSeries).openTime instanceof Float64Array;
}

function isKline(value: unknown): value is Kline {
  const k = value as Kline;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof k.openTime === 'number' && typeof k.open === 'number' && typeof k.volume === 'number';
}
