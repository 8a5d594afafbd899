// @ts-check
// On a narrow chart the level labels (drawn at the pane's right edge) would sit on the newest candles:
// there they say only price and size (the overlay's compact labels), and that many bars of empty space
// are kept to the right of the last bar, at most a share of the pane so the candles keep the rest.

/** Below this pane width (CSS px) the labels are compact and get their own room. */
const NARROW_PX = 700;
/** The most of the pane's width the labels' room takes. */
const MAX_ROOM_SHARE = 0.6;
/** The plugin's label padding and right margin (plugin/levels-renderer.ts), and some air. */
const LABEL_EXTRA_PX = 2 * 4 + 8 + 10;

/** @typedef {import('lightweight-charts').IChartApi} IChartApi */
/** @typedef {import('lightweight-charts').ISeriesApi<'Candlestick'>} CandleSeries */
/** @typedef {import('../../plugin/index').LevelsReport} LevelsReport */
/** @typedef {import('../../plugin/index').LevelLabelsOption} LevelLabelsOption */
/** @typedef {import('../../plugin/index').LiquidationHeatmap<'Candlestick'>} Heatmap */

/** @type {CanvasRenderingContext2D | null} */
let measure = null;

/**
 * The widest level label the overlay draws for `report` on `series`, in CSS px: the plugin's own text
 * (`levelLabelText`, in the series' price format) in the chart's font, as the plugin draws it.
 * @param {IChartApi} chart
 * @param {CandleSeries} series
 * @param {LevelsReport} report
 * @param {LevelLabelsOption} labels
 */
export function widestLabelPx(chart, series, report, labels) {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return 0;
  const { fontSize, fontFamily } = chart.options().layout;
  measure.font = `${fontSize}px ${fontFamily}`;
  const formatter = series.priceFormatter();
  const format = (/** @type {number} */ price) => formatter.format(price);
  let widest = 0;
  for (const level of [...report.above, ...report.below, report.nearestAbove, report.nearestBelow]) {
    if (level) widest = Math.max(widest, measure.measureText(window.LiqHeatmap.levelLabelText(level, report, format, labels)).width);
  }
  return Math.ceil(widest);
}

/**
 * On a narrow chart: compact labels, and the time scale's right offset set so the newest bar ends left of
 * them (within {@link MAX_ROOM_SHARE} of the pane). On a wide one: full labels.
 * @param {IChartApi} chart
 * @param {CandleSeries} series
 * @param {Heatmap} heatmap
 * @param {LevelsReport | null} report
 */
export function keepRoomForLabels(chart, series, heatmap, report) {
  const width = chart.paneSize().width;
  /** @type {LevelLabelsOption} */
  const labels = width > 0 && width < NARROW_PX ? 'compact' : 'full';
  if (heatmap.options().levelLabels !== labels) heatmap.applyOptions({ levelLabels: labels });
  if (!report || labels === 'full') return;
  const timeScale = chart.timeScale();
  const room = Math.min(widestLabelPx(chart, series, report, labels) + LABEL_EXTRA_PX, MAX_ROOM_SHARE * width);
  const bars = Math.ceil(room / timeScale.options().barSpacing);
  if (bars !== Math.ceil(timeScale.options().rightOffset)) timeScale.applyOptions({ rightOffset: bars });
}
