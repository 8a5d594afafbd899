// @ts-check
// The chart and its candlestick series, styled for the page.

/** @typedef {import('lightweight-charts').IChartApi} IChartApi */
/** @typedef {import('lightweight-charts').ISeriesApi<'Candlestick'>} CandleSeries */
/** @typedef {import('lightweight-charts').Time} Time */
/** @typedef {import('lightweight-charts').TickMarkType} TickMarkType */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** @param {number} n */
const pad = (n) => String(n).padStart(2, '0');

/**
 * Tick labels from UTC fields: cheaper than the library's default formatter on long histories.
 * @param {Time} time
 * @param {TickMarkType} type
 */
function tickMark(time, type) {
  const d = new Date(Number(time) * 1000);
  if (type === 0) return String(d.getUTCFullYear());
  if (type === 1) return MONTHS[d.getUTCMonth()];
  if (type === 2) return String(d.getUTCDate());
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * The crosshair's options: dashed lines of `color`, their axis labels on it with dark text.
 * @param {string} color `#rrggbb`
 */
export function crosshairOptions(color) {
  const { LineStyle } = window.LightweightCharts;
  const line = { style: LineStyle.Dashed, color, width: /** @type {const} */ (1), labelBackgroundColor: color };
  return { vertLine: line, horzLine: line };
}

/** Whether the page is used with a finger (phones, tablets). */
export function isTouchScreen() {
  return window.matchMedia('(pointer: coarse)').matches;
}

/**
 * Creates the chart in `container` with its candlestick series; the crosshair is dashed `crosshairColor`.
 * On a touch screen one finger inspects (crosshair and tooltip) instead of panning; two fingers zoom.
 * @param {HTMLElement} container
 * @param {string} crosshairColor
 * @returns {{ chart: IChartApi, candles: CandleSeries }}
 */
export function createChartView(container, crosshairColor) {
  const { createChart, CandlestickSeries, CrosshairMode } = window.LightweightCharts;
  const touch = isTouchScreen();
  const chart = createChart(container, {
    autoSize: true,
    layout: { background: { color: '#0d1117' }, textColor: '#d0d7de', attributionLogo: true },
    grid: { vertLines: { color: '#161b22' }, horzLines: { color: '#161b22' } },
    crosshair: { mode: CrosshairMode.Normal, ...crosshairOptions(crosshairColor) },
    handleScroll: touch ? { horzTouchDrag: false, vertTouchDrag: false, mouseWheel: true, pressedMouseMove: true } : true,
    timeScale: { timeVisible: true, rightOffset: 4, tickMarkFormatter: tickMark },
    // A fixed minimum width: the axis does not widen when the first prices arrive, which would re-lay out the chart in the same frame.
    rightPriceScale: { scaleMargins: { top: 0.08, bottom: 0.08 }, minimumWidth: 84 },
  });
  const candles = chart.addSeries(CandlestickSeries, {
    upColor: '#3fb950', downColor: '#f85149', wickUpColor: '#3fb950', wickDownColor: '#f85149', borderVisible: false,
  });
  return { chart, candles };
}
