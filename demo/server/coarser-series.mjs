// @ts-check
// A coarser interval made from a finer recording (1h -> 4h, 1d): each coarse bar from the complete run of
// fine bars inside it, aligned on UTC as Binance aligns its bars. A bucket with any fine bar missing is
// left out rather than guessed.
import { toKlineSeries } from 'lwc-plugin-liquidation-heatmap/core';

/** @typedef {import('lwc-plugin-liquidation-heatmap/core').KlineSeries} KlineSeries */
/** @typedef {import('lwc-plugin-liquidation-heatmap/core').Kline} Kline */

/**
 * @param {Float64Array} values
 * @param {number} from
 * @param {number} to exclusive
 * @returns {number | undefined} the sum, or undefined when any value is NaN (the field was not recorded)
 */
function sumOf(values, from, to) {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return Number.isNaN(sum) ? undefined : sum;
}

/**
 * Whether `coarseMs` bars can be made from `fineMs` bars (a whole number of them, more than one).
 * @param {number} fineMs
 * @param {number} coarseMs
 */
export function canCoarsen(fineMs, coarseMs) {
  return fineMs > 0 && coarseMs > fineMs && coarseMs % fineMs === 0;
}

/**
 * The `coarseMs` bars of a finer series: open of the first fine bar, close of the last, extremes and
 * sums over all. Only buckets holding every fine bar are kept.
 * @param {KlineSeries} fine
 * @param {number} coarseMs
 * @returns {KlineSeries}
 */
export function coarsenSeries(fine, coarseMs) {
  if (!canCoarsen(fine.intervalMs, coarseMs)) throw new RangeError(`cannot make ${coarseMs} ms bars from ${fine.intervalMs} ms bars`);
  const perBucket = coarseMs / fine.intervalMs;
  /** @type {Kline[]} */
  const bars = [];
  let i = 0;
  while (i < fine.length) {
    const bucket = Math.floor(fine.openTime[i] / coarseMs) * coarseMs;
    let end = i;
    while (end < fine.length && fine.openTime[end] < bucket + coarseMs) end++;
    const complete = end - i === perBucket && fine.openTime[i] === bucket;
    if (complete) {
      let high = -Infinity;
      let low = Infinity;
      for (let j = i; j < end; j++) {
        high = Math.max(high, fine.high[j]);
        low = Math.min(low, fine.low[j]);
      }
      /** @type {Kline} */
      const bar = { openTime: bucket, open: fine.open[i], high, low, close: fine.close[end - 1], volume: sumOf(fine.volume, i, end) ?? 0 };
      const optional = /** @type {const} */ (['quoteVolume', 'takerBuyBase', 'takerBuyQuote', 'trades']);
      for (const field of optional) {
        const sum = sumOf(fine[field], i, end);
        if (sum !== undefined) bar[field] = sum;
      }
      bars.push(bar);
    }
    i = end;
  }
  return toKlineSeries(bars, { intervalMs: coarseMs });
}
