// Internal barrel of the klines area (tests import it); the published surface is src/public-api.ts.
export type { Kline, KlineGap, KlineSeries } from './kline';
export { KlineError, type KlineErrorKind } from './kline-error';
export {
  BINANCE_INTERVALS,
  MONTH_MS,
  intervalToMs,
  isBinanceInterval,
  msToInterval,
  parseDuration,
  type BinanceInterval,
} from './interval';
export { toEpochMs } from './epoch-ms';
export { parseOptionalNumber, parseRequiredNumber, type FieldContext } from './parse-number';
export { parseKlineCsv, parseKlineCsvWithRows, type KlineCsvOptions, type NumberedKlines } from './parse-csv';
export { klineFromRestRow } from './from-rest-row';
export { klineFromWsMessage } from './from-ws-payload';
export { klineFromObject } from './from-object';
export { toKlineSeries, KlineSeriesBuilder, type KlineSeriesOptions } from './to-series';
export { toKlineSeriesAsync, type SeriesPacing } from './to-series-async';
export { parseKlines, parseKline, type ParseKlinesOptions } from './parse-klines';
export { syntheticKlines, seededRandom, type SyntheticKlinesOptions } from './synthetic-klines';
export { sliceSeries, closedCountAt } from './slice-series';
