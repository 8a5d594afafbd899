// @ts-check
// Side panels: levels with bars sized by strength, totals, nearest levels, bias, market figures and
// the status line.
import { byTestId, make, replaceChildren, setText } from './dom.js';

/** @typedef {import('../../plugin/index').Level} Level */
/** @typedef {import('../../plugin/index').LevelsReport} LevelsReport */
/** @typedef {import('../../plugin/index').DensityUnit} DensityUnit */

/**
 * Market figures for the panel; any may be missing (then shown as –). `label` names the data shown.
 * @typedef {object} MarketFigures
 * @property {number} [change24hPct]
 * @property {number} [openInterestUsd]
 * @property {number} [fundingRate]
 * @property {number} [markPrice]
 * @property {number} [asOf] epoch ms
 * @property {string} [label]
 */

/**
 * @param {Level} level
 * @param {DensityUnit} unit
 */
function levelItem(level, unit) {
  const { formatPrice, formatNotional, formatPct } = window.LiqHeatmap;
  const li = make('li', { title: `zone ${formatPrice(level.low)} – ${formatPrice(level.high)}, strength ${level.strength.toFixed(2)}` });
  const bar = make('span', { className: 'bar' });
  bar.style.width = `${Math.round(level.strength * 100)}%`;
  li.append(bar, ...[formatPrice(level.price), formatNotional(level.notional, unit), formatPct(level.distancePct)].map((text) => make('span', { text })));
  return li;
}

/** @param {Level | null} level */
function nearestText(level) {
  if (!level) return 'none significant';
  const { formatPrice, formatPct } = window.LiqHeatmap;
  return `${formatPrice(level.price)} (${formatPct(level.distancePct)})`;
}

/**
 * Shows a levels report (or clears the level lists for null).
 * @param {LevelsReport | null} report
 */
export function showLevels(report) {
  const { formatNotional, formatPrice } = window.LiqHeatmap;
  if (!report) {
    for (const id of ['levels-above', 'levels-below']) replaceChildren(id, []);
    return;
  }
  const heat = report.unit === 'heat' ? ' (heat)' : '';
  replaceChildren('levels-above', [...report.above].reverse().map((l) => levelItem(l, report.unit)));
  replaceChildren('levels-below', report.below.map((l) => levelItem(l, report.unit)));
  setText('total-above', `total above ${formatNotional(report.totals.above, report.unit)}${heat}`);
  setText('total-below', `total below ${formatNotional(report.totals.below, report.unit)}${heat}`);
  setText('nearest-above', nearestText(report.nearestAbove));
  setText('nearest-below', nearestText(report.nearestBelow));
  setText('bias', `${report.bias.label} (${report.bias.ratio.toFixed(2)})`);
  setText('price', formatPrice(report.price));
}

/**
 * Market figures; any may be undefined (then shown as –).
 * @param {MarketFigures} figures
 */
export function showMarket({ change24hPct, openInterestUsd, fundingRate, asOf }) {
  const { formatNotional } = window.LiqHeatmap;
  setText('change24h', change24hPct === undefined ? '–' : `${change24hPct >= 0 ? '+' : ''}${change24hPct.toFixed(2)}%`);
  setText('open-interest', openInterestUsd === undefined ? '–' : formatNotional(openInterestUsd, 'usd'));
  setText('funding', fundingRate === undefined ? '–' : `${(fundingRate * 100).toFixed(4)}%`);
  setText('as-of', asOf === undefined ? '–' : `${new Date(asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
}

/**
 * The status line.
 * @param {'live' | 'replay' | 'loading' | 'error'} kind
 * @param {string} text
 */
export function showStatus(kind, text) {
  const status = byTestId('status');
  status.textContent = text;
  status.className = kind;
}

/**
 * The progress text beside the status (empty clears it).
 * @param {string} text
 */
export function showProgress(text) {
  setText('progress', text);
}
