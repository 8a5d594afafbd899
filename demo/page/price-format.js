// @ts-check
// The candles' price format, read from the data: Binance sends prices as decimal strings cut to the
// symbol's tick, so the most decimals the recent bars' prices carry give the tick (0.0000001 for
// 1000PEPEUSDT at 0.0086, 0.1 for BTCUSDT). lightweight-charts' default of two decimals would read
// 0.01 for every level of a coin under a dollar.

/** Bars read: enough that some price ends on a non-zero last digit, few enough to stay cheap. */
const RECENT_BARS = 200;
const MIN_DECIMALS = 2;
const MAX_DECIMALS = 8;

/** @typedef {import('../../plugin/index').Kline} Kline */
/** @typedef {{ type: 'price', precision: number, minMove: number }} PriceFormat */

/**
 * Decimals of `value` as written shortest, which for a parsed decimal string is that string's without
 * trailing zeros (`0.0041572` -> 7, `1.5e-7` -> 8, `66267.6` -> 1).
 * @param {number} value
 */
export function decimalsOf(value) {
  if (!Number.isFinite(value)) return 0;
  const text = String(Math.abs(value));
  const exponent = /e([-+]\d+)$/.exec(text);
  const digits = exponent ? text.slice(0, exponent.index) : text;
  const dot = digits.indexOf('.');
  const fraction = dot < 0 ? 0 : digits.length - dot - 1;
  return Math.max(0, fraction - (exponent ? Number(exponent[1]) : 0));
}

/**
 * The series `priceFormat` for klines (oldest first): as many decimals as the latest bars' prices carry,
 * at least two and at most eight, and a minimum move of one unit in the last of them.
 * @param {readonly Kline[]} klines
 * @returns {PriceFormat}
 */
export function priceFormatOf(klines) {
  let decimals = MIN_DECIMALS;
  for (const k of klines.slice(-RECENT_BARS)) decimals = Math.max(decimals, decimalsOf(k.open), decimalsOf(k.high), decimalsOf(k.low), decimalsOf(k.close));
  const precision = Math.min(decimals, MAX_DECIMALS);
  return { type: 'price', precision, minMove: Number(`1e-${precision}`) };
}
