// @ts-check
// Hover tooltip: the candle's OHLCV, the price at the cursor and the liquidation density there.
import { make } from './dom.js';

const TOOLTIP_OFFSET = 14;

/** @typedef {import('lightweight-charts').IChartApi} IChartApi */
/** @typedef {import('lightweight-charts').ISeriesApi<'Candlestick'>} CandleSeries */
/** @typedef {import('lightweight-charts').MouseEventParams} MouseEventParams */
/** @typedef {import('../../plugin/index').LiquidationHeatmap} LiquidationHeatmap */

/**
 * @param {string} label
 * @param {string} value
 * @param {string} [className]
 */
function row(label, value, className) {
  const div = make('div', { className: `row${className ? ` ${className}` : ''}` });
  div.append(make('span', { text: label }), make('span', { text: value }));
  return div;
}

/**
 * Wires the tooltip to the chart's crosshair; `context()` returns the overlay and series in use.
 * @param {IChartApi} chart
 * @param {HTMLElement} element
 * @param {() => { heatmap: LiquidationHeatmap, candles: CandleSeries }} context
 * @returns {() => void} unsubscribes
 */
export function attachTooltip(chart, element, context) {
  const { formatPrice, formatNotional } = window.LiqHeatmap;
  /** @param {MouseEventParams} param */
  const onMove = (param) => {
    const { heatmap, candles } = context();
    if (!param.point || param.time === undefined) {
      element.hidden = true;
      return;
    }
    const price = candles.coordinateToPrice(param.point.y);
    const bar = param.seriesData.get(candles);
    const density = price === null ? null : heatmap.densityAt(Number(param.time), price);
    const unit = density ? density.unit : 'heat';
    const rows = [];
    if (bar && 'open' in bar) {
      rows.push(row('O', formatPrice(bar.open)), row('H', formatPrice(bar.high)), row('L', formatPrice(bar.low)), row('C', formatPrice(bar.close)));
      const volume = bar.customValues && bar.customValues.volume;
      if (typeof volume === 'number') rows.push(row('V', volume.toLocaleString('en-US', { maximumFractionDigits: 2 })));
    }
    if (price !== null) rows.push(row('price', formatPrice(price)));
    if (density) {
      rows.push(row('long liq.', formatNotional(density.long, unit), 'long'), row('short liq.', formatNotional(density.short, unit), 'short'));
    }
    const hovered = heatmap.levelAtCoordinate(param.point.y);
    if (hovered) rows.push(row(`${hovered.side} level`, `${formatPrice(hovered.price)} (${hovered.distancePct.toFixed(2)}%)`, hovered.side));
    element.replaceChildren(...rows);
    element.hidden = false;
    const parent = element.parentElement;
    if (!parent) return;
    const box = parent.getBoundingClientRect();
    const x = Math.min(param.point.x + TOOLTIP_OFFSET, box.width - element.offsetWidth - 4);
    const y = Math.min(param.point.y + TOOLTIP_OFFSET, box.height - element.offsetHeight - 4);
    element.style.left = `${Math.max(0, x)}px`;
    element.style.top = `${Math.max(0, y)}px`;
  };
  chart.subscribeCrosshairMove(onMove);
  return () => chart.unsubscribeCrosshairMove(onMove);
}
