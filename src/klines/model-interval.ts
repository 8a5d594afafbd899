import { intervalToMs, type BinanceInterval } from './interval';

/** The kline interval the model runs on under charts from 15m to 1d. */
export const MODEL_INTERVAL: BinanceInterval = '15m';

/**
 * The kline interval to build the model from for a chart of `chartInterval`: {@link MODEL_INTERVAL} for
 * charts from 15m to 1d, so a 15m, 1h, 4h and daily chart show the same levels at the same moment (a
 * model of coarser bars sweeps by wider wicks and spreads entries wider, and moved the nearest level by
 * 0.25 % of price at the median, over 1 % one time in ten); the chart's own interval for finer charts (their
 * bars need their own columns) and for 3d, 1w and 1M (their bars do not open at multiples of their length).
 */
export function modelIntervalFor(chartInterval: BinanceInterval): BinanceInterval {
  const chart = intervalToMs(chartInterval);
  const model = intervalToMs(MODEL_INTERVAL);
  return chart >= model && chart <= 86_400_000 ? MODEL_INTERVAL : chartInterval;
}
