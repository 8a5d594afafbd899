// @ts-check
// On a narrow chart the level labels (drawn at the pane's right edge) would sit on the newest candles:
// keep that many bars of empty space to the right of the last bar.

/** Below this pane width (CSS px) the labels get their own room. */
const NARROW_PX = 700;
/** The plugin's label padding and right margin (plugin/levels-renderer.ts), and some air. */
const LABEL_EXTRA_PX = 2 * 4 + 8 + 10;

/** @typedef {import('lightweight-charts').IChartApi} IChartApi */
/** @typedef {import('lightweight-charts').ISeriesApi<'Candlestick'>} CandleSeries */
/** @typedef {import('../../plugin/index').LevelsReport} LevelsReport */

/** @type {CanvasRenderingContext2D | null} */
let measure = null;

/**
 * The widest level label the overlay draws for `report` on `series`, in CSS px: the plugin's own text
 * (`levelLabelText`, in the series' price format) in the chart's font, as the plugin draws it.
 * @param {IChartApi} chart
 * @param {CandleSeries} series
 * @param {LevelsReport} report
 */
export function widestLabelPx(chart, series, report) {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return 0;
  const { fontSize, fontFamily } = chart.options().layout;
  measure.font = `${fontSize}px ${fontFamily}`;
  const formatter = series.priceFormatter();
  const format = (/** @type {number} */ price) => formatter.format(price);
  let widest = 0;
  for (const level of [...report.above, ...report.below, report.nearestAbove, report.nearestBelow]) {
    if (level) widest = Math.max(widest, measure.measureText(window.LiqHeatmap.levelLabelText(level, report, format)).width);
  }
  return Math.ceil(widest);
}

/**
 * Sets the time scale's right offset so the newest bar ends left of the labels, on a narrow chart.
 * @param {IChartApi} chart
 * @param {CandleSeries} series
 * @param {LevelsReport | null} report
 */
export function keepRoomForLabels(chart, series, report) {
  if (!report || chart.paneSize().width >= NARROW_PX) return;
  const timeScale = chart.timeScale();
  const bars = Math.ceil((widestLabelPx(chart, series, report) + LABEL_EXTRA_PX) / timeScale.options().barSpacing);
  if (bars !== Math.ceil(timeScale.options().rightOffset)) timeScale.applyOptions({ rightOffset: bars });
}
