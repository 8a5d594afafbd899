// @ts-check
// Hover tooltip: the candle's OHLCV, the price at the cursor and the liquidation density there.
import { make } from './dom.js';
import { formatPrice } from './price-text.js';

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

/** @typedef {import('lightweight-charts').Time} Time */
/** @typedef {ReturnType<MouseEventParams['seriesData']['get']>} SeriesDatum */

/**
 * The tooltip over the chart: follows the chart's crosshair (mouse), and `showAt` shows it for a point
 * of the pane (touch, where the chart reports no crosshair move). `context()` returns the overlay and
 * series in use.
 * @param {IChartApi} chart
 * @param {HTMLElement} element
 * @param {() => { heatmap: LiquidationHeatmap, candles: CandleSeries }} context
 * @returns {{ showAt(x: number, y: number): void, hide(): void, detach(): void }}
 */
export function attachTooltip(chart, element, context) {
  const { formatNotional } = window.LiqHeatmap;
  /**
   * @param {{ x: number, y: number }} point
   * @param {Time} time
   * @param {SeriesDatum} bar
   */
  const show = (point, time, bar) => {
    const { heatmap, candles } = context();
    const price = candles.coordinateToPrice(point.y);
    const density = price === null ? null : heatmap.densityAt(Number(time), price);
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
    const hovered = heatmap.levelAtCoordinate(point.y);
    if (hovered) rows.push(row(`${hovered.side} level`, `${formatPrice(hovered.price)} (${hovered.distancePct.toFixed(2)}%)`, hovered.side));
    element.replaceChildren(...rows);
    element.hidden = false;
    const parent = element.parentElement;
    if (!parent) return;
    const box = parent.getBoundingClientRect();
    const x = Math.min(point.x + TOOLTIP_OFFSET, box.width - element.offsetWidth - 4);
    // Under a finger the tooltip goes above the touch point, where the finger does not hide it.
    const below = element.dataset.touch === '1' ? point.y - element.offsetHeight - 3 * TOOLTIP_OFFSET : point.y + TOOLTIP_OFFSET;
    const y = Math.min(below, box.height - element.offsetHeight - 4);
    element.style.left = `${Math.max(0, x)}px`;
    element.style.top = `${Math.max(0, y)}px`;
  };
  /** @param {MouseEventParams} param */
  const onMove = (param) => {
    if (!param.point || param.time === undefined) element.hidden = true;
    else show(param.point, param.time, param.seriesData.get(context().candles));
  };
  chart.subscribeCrosshairMove(onMove);
  return {
    showAt(x, y) {
      const { candles } = context();
      const time = chart.timeScale().coordinateToTime(x);
      const logical = chart.timeScale().coordinateToLogical(x);
      if (time === null || logical === null) return;
      show({ x, y }, time, candles.dataByIndex(Math.round(logical)) ?? undefined);
    },
    hide() {
      element.hidden = true;
    },
    detach: () => chart.unsubscribeCrosshairMove(onMove),
  };
}
