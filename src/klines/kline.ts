/**
 * One candle of a Binance USDⓈ-M futures series. Times are UTC epoch milliseconds.
 * Optional fields are `undefined` when the source does not carry them (never zero).
 */
export interface Kline {
  /** Open time, epoch ms. */
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Base-asset volume. */
  volume: number;
  /** Close time, epoch ms (Binance: openTime + interval - 1). */
  closeTime?: number;
  /** Quote-asset (USD) volume. */
  quoteVolume?: number;
  /** Taker buy base-asset volume. */
  takerBuyBase?: number;
  /** Taker buy quote-asset volume. */
  takerBuyQuote?: number;
  /** Number of trades. */
  trades?: number;
  /** Websocket payloads only: true when the bar is closed (`k.x`). */
  closed?: boolean;
}

/** A gap in a series: `missing` bars absent between two consecutive rows. */
export interface KlineGap {
  /** Open time of the bar before the gap. */
  after: number;
  /** Open time of the bar after the gap. */
  before: number;
  /** Number of whole bars missing. */
  missing: number;
}

/**
 * A validated kline series as columns (struct of typed arrays), oldest first.
 * Optional columns hold `NaN` where a row lacks the value.
 */
export interface KlineSeries {
  readonly length: number;
  readonly openTime: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly quoteVolume: Float64Array;
  readonly takerBuyBase: Float64Array;
  readonly takerBuyQuote: Float64Array;
  readonly trades: Float64Array;
  /** Bar interval in ms (the most common spacing of open times); 0 when it cannot be known. */
  readonly intervalMs: number;
  /** Gaps found between rows (allowed; reported). */
  readonly gaps: readonly KlineGap[];
}
