/** One bar as the engine consumes it. Optional values are NaN when absent. */
export interface BarInput {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  quoteVolume: number;
  takerBuyBase: number;
  /** Open-interest value (USD) at the bar's close, NaN when unknown. */
  openInterest: number;
  /** Mark-price high/low of the bar, NaN when unknown (then the kline sweep rule applies). */
  markHigh: number;
  markLow: number;
}

export function emptyBarInput(): BarInput {
  return {
    time: 0,
    open: 0,
    high: 0,
    low: 0,
    close: 0,
    volume: 0,
    quoteVolume: NaN,
    takerBuyBase: NaN,
    openInterest: NaN,
    markHigh: NaN,
    markLow: NaN,
  };
}
