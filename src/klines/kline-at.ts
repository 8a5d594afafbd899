import type { Kline, KlineSeries } from './kline';

/** Bar `i` of a series as a kline object (missing optional fields left out, as the parser leaves them). */
export function klineAt(series: KlineSeries, i: number): Kline {
  const kline: Kline = {
    openTime: series.openTime[i],
    open: series.open[i],
    high: series.high[i],
    low: series.low[i],
    close: series.close[i],
    volume: series.volume[i],
  };
  const optional = ['quoteVolume', 'takerBuyBase', 'takerBuyQuote', 'trades'] as const;
  for (const field of optional) {
    const value = series[field][i];
    if (!Number.isNaN(value)) kline[field] = value;
  }
  return kline;
}
