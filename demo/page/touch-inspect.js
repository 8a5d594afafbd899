// @ts-check
// One finger on the chart inspects: the crosshair (and so the tooltip) follows the finger at once and
// goes away when it lifts. Two fingers are left to the chart (pinch zoom).
import { byTestId } from './dom.js';

/** @typedef {ReturnType<typeof import('./tooltip.js').attachTooltip>} Tooltip */
/** @typedef {import('lightweight-charts').IChartApi} IChartApi */
/** @typedef {import('lightweight-charts').ISeriesApi<'Candlestick'>} CandleSeries */

/**
 * @param {IChartApi} chart
 * @param {() => CandleSeries} candles
 * @param {HTMLElement} container the chart's element
 * @param {Tooltip} tooltip
 */
export function attachTouchInspect(chart, candles, container, tooltip) {
  const element = byTestId('tooltip');
  /** @param {TouchEvent} event */
  const follow = (event) => {
    if (event.touches.length !== 1) return;
    const touch = event.touches[0];
    const box = container.getBoundingClientRect();
    const series = candles();
    const x = touch.clientX - box.left;
    const y = touch.clientY - box.top;
    const time = chart.timeScale().coordinateToTime(x);
    const price = series.coordinateToPrice(y);
    if (time === null || price === null) return;
    element.dataset.touch = '1';
    // setCrosshairPosition draws the crosshair but reports no crosshair move: the tooltip is shown here.
    chart.setCrosshairPosition(price, time, series);
    tooltip.showAt(x, y);
  };
  const lift = () => {
    chart.clearCrosshairPosition();
    tooltip.hide();
    delete element.dataset.touch;
  };
  container.addEventListener('touchstart', follow, { passive: true });
  container.addEventListener('touchmove', follow, { passive: true });
  container.addEventListener('touchend', lift);
  container.addEventListener('touchcancel', lift);
}
