import type { KlineSeries } from './kline';
import { toKlineSeries } from './to-series';
import type { Kline } from './kline';

/**
 * Bars of `series` merged into bars of `intervalMs` (a whole multiple of its interval), aligned to
 * epoch multiples of `intervalMs` as Binance aligns them: open of the first, high and low of all, close
 * of the last, volumes summed. A coarse bar missing some of its fine bars is still made from those present.
 */
export function aggregateSeries(series: KlineSeries, intervalMs: number): KlineSeries {
  const fine = series.intervalMs;
  if (!(fine > 0) || intervalMs % fine !== 0) {
    throw new RangeError(`cannot aggregate bars of ${fine} ms into bars of ${intervalMs} ms: not a whole multiple`);
  }
  if (intervalMs === fine) return series;
  const out: Kline[] = [];
  let current: Kline | null = null;
  for (let i = 0; i < series.length; i++) {
    const start = Math.floor(series.openTime[i] / intervalMs) * intervalMs;
    if (!current || current.openTime !== start) {
      current = { openTime: start, open: series.open[i], high: series.high[i], low: series.low[i], close: series.close[i], volume: 0 };
      out.push(current);
    }
    current.high = Math.max(current.high, series.high[i]);
    current.low = Math.min(current.low, series.low[i]);
    current.close = series.close[i];
    current.volume += series.volume[i];
    const quote = series.quoteVolume[i];
    if (quote === quote) current.quoteVolume = (current.quoteVolume ?? 0) + quote;
    const taker = series.takerBuyBase[i];
    if (taker === taker) current.takerBuyBase = (current.takerBuyBase ?? 0) + taker;
  }
  return toKlineSeries(out, { intervalMs, source: `${fine} ms bars aggregated to ${intervalMs} ms` });
}
