/** Binance USDⓈ-M kline intervals. */
export type { BinanceInterval } from '../klines/interval';

/** Mark price and funding from `/fapi/v1/premiumIndex`. */
export interface PremiumIndex {
  symbol: string;
  markPrice: number;
  indexPrice: number;
  lastFundingRate: number;
  nextFundingTime: number;
  time: number;
}

/** Current open interest from `/fapi/v1/openInterest`. */
export interface OpenInterestNow {
  symbol: string;
  /** Contracts (base asset). */
  openInterest: number;
  time: number;
}

/** 24h statistics from `/fapi/v1/ticker/24hr`. */
export interface Ticker24h {
  symbol: string;
  lastPrice: number;
  priceChangePercent: number;
  highPrice: number;
  lowPrice: number;
  quoteVolume: number;
}

/** Symbol facts from `/fapi/v1/exchangeInfo`. */
export interface SymbolInfo {
  symbol: string;
  /** `PRICE_FILTER.tickSize`. */
  tickSize: number;
  status: string;
}

/** A mark-price update from the `@markPrice@1s` stream. */
export interface MarkPriceUpdate {
  time: number;
  markPrice: number;
  fundingRate: number;
}
