// @ts-check
// On a narrow chart the level labels (drawn at the pane's right edge) would sit on the newest candles:
// keep that many bars of empty space to the right of the last bar.

/** Below this pane width (CSS px) the labels get their own room. */
const NARROW_PX = 700;
/** The plugin's label font, padding and right margin (plugin/levels-renderer.ts), and some air. */
const LABEL_FONT = "11px -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif";
const LABEL_EXTRA_PX = 2 * 4 + 8 + 10;

/** @typedef {import('lightweight-charts').IChartApi} IChartApi */
/** @typedef {import('../../plugin/index').LevelsReport} LevelsReport */

/** @type {CanvasRenderingContext2D | null} */
let measure = null;

/**
 * The widest level label of `report` in CSS px.
 * @param {LevelsReport} report
 */
export function widestLabelPx(report) {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return 0;
  measure.font = LABEL_FONT;
  let widest = 0;
  for (const level of [...report.above, ...report.below]) widest = Math.max(widest, measure.measureText(window.LiqHeatmap.formatLevelLabel(level, report.unit)).width);
  return Math.ceil(widest);
}

/**
 * Sets the time scale's right offset so the newest bar ends left of the labels, on a narrow chart.
 * @param {IChartApi} chart
 * @param {LevelsReport | null} report
 */
export function keepRoomForLabels(chart, report) {
  if (!report || chart.paneSize().width >= NARROW_PX) return;
  const timeScale = chart.timeScale();
  const bars = Math.ceil((widestLabelPx(report) + LABEL_EXTRA_PX) / timeScale.options().barSpacing);
  if (bars !== Math.ceil(timeScale.options().rightOffset)) timeScale.applyOptions({ rightOffset: bars });
}
