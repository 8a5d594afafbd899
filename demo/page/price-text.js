// @ts-check
// Prices as the page writes them beside the chart (panels, tooltip, plan, alerts): with the decimals the
// chart shows (its price format, price-format.js) and thousands separators, so a level reads the same in
// a panel as on its line.

/** @type {number | null} */
let decimals = null;
/** @type {Map<number, Intl.NumberFormat>} */
const formats = new Map();

/**
 * The chart's price precision for the data shown now; data-feed.js sets it with each history.
 * @param {number} precision
 */
export function usePriceDecimals(precision) {
  decimals = precision;
}

/**
 * A price in the chart's decimals with thousands separators (`105,129.01`, `0.0086423`); before any
 * data, the library's `formatPrice`.
 * @param {number} price
 */
export function formatPrice(price) {
  if (decimals === null) return window.LiqHeatmap.formatPrice(price);
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(decimals, format);
  }
  return format.format(price);
}
