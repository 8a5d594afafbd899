import type { KlineRangeProgress } from './rest-kline-range';
import type { RequestOptions } from './rest-options';
import type { OpenInterestPeriod } from './rest-validate';

/** `GET /fapi/v1/klines` parameters. */
export interface KlinesRequest extends RequestOptions {
  /** USDⓈ-M symbol, upper case: `BTCUSDT`. */
  symbol: string;
  /** `1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M`. */
  interval: string;
  /** Bars with open time at or after this (epoch ms). */
  startTime?: number;
  /** Bars with open time at or before this (epoch ms). */
  endTime?: number;
  /** 1 to 1500, default 500. Weight 1/2/5/10 for `< 100` / `< 500` / `<= 1000` / `> 1000`. */
  limit?: number;
}

/** A kline range of any length, fetched 1500 bars per request. */
export interface KlinesRangeRequest extends RequestOptions {
  symbol: string;
  interval: string;
  /** First open time wanted (epoch ms). */
  startTime: number;
  /** Last open time wanted (epoch ms); open: up to the forming bar. */
  endTime?: number;
  /** Called after every page. */
  onProgress?: (progress: KlineRangeProgress) => void;
}

/** The bars of the last `lookback` up to `now`. */
export interface KlinesLookbackRequest extends RequestOptions {
  symbol: string;
  interval: string;
  /** `'12h'`, `'7d'`, `'6M'` (30-day months), `'1y'`, ... or milliseconds. */
  lookback: string | number;
  /** End of the lookback, epoch ms. Default the client's clock. */
  now?: number;
  onProgress?: (progress: KlineRangeProgress) => void;
}

/** `GET /futures/data/openInterestHist` parameters (Binance keeps only the last ~30 days). */
export interface OpenInterestHistRequest extends RequestOptions {
  symbol: string;
  /** `5m 15m 30m 1h 2h 4h 6h 12h 1d`. */
  period: OpenInterestPeriod;
  /** 1 to 500, default 30 (Binance's default). */
  limit?: number;
  startTime?: number;
  endTime?: number;
}
