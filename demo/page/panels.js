// @ts-check
// Side panels: levels with bars sized by strength, totals, nearest levels, bias, market figures and
// the status line.
import { byTestId, make, replaceChildren, setText } from './dom.js';
import { formatPrice } from './price-text.js';

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
 * `low – high` of a level's zone.
 * @param {Level} level
 */
function zoneText(level) {
  return `${formatPrice(level.low)} – ${formatPrice(level.high)}`;
}

/**
 * One row of a level list: price, size and distance, the zone under them; `nearest` marks the nearest
 * significant level of its side.
 * @param {Level} level
 * @param {DensityUnit} unit
 * @param {boolean} nearest
 */
function levelItem(level, unit, nearest) {
  const { formatNotional, formatPct } = window.LiqHeatmap;
  const li = make('li', { className: nearest ? 'nearest' : '', title: `strength ${level.strength.toFixed(2)}${nearest ? ', the nearest significant level' : ''}` });
  const bar = make('span', { className: 'bar' });
  bar.style.width = `${Math.round(level.strength * 100)}%`;
  /** @type {[string, string][]} */
  const cells = [
    ['level-price', formatPrice(level.price)],
    ['level-size', formatNotional(level.notional, unit)],
    ['level-distance', formatPct(level.distancePct)],
    ['level-zone', `zone ${zoneText(level)}`],
  ];
  li.append(
    bar,
    ...cells.map(([testId, text]) => {
      const span = make('span', { text, className: testId });
      span.dataset.testid = testId;
      return span;
    }),
  );
  return li;
}

/**
 * @param {Level | null} level
 * @param {DensityUnit} unit
 */
function nearestText(level, unit) {
  if (!level) return 'none significant';
  const { formatPct, formatNotional } = window.LiqHeatmap;
  return `${formatPrice(level.price)} (${formatPct(level.distancePct)}), zone ${zoneText(level)}, ${formatNotional(level.notional, unit)}`;
}

/** What each bias means for a trader, in one line. */
const BIAS_MEANING = {
  'long-flush': 'More longs would be liquidated just below price than shorts above: a drop can cascade down.',
  'short-squeeze': 'More shorts would be liquidated just above price than longs below: a rise can squeeze up.',
  balanced: 'Neither side carries clearly more liquidations near price.',
};

/**
 * The first zones price meets on one side: up to two, nearest first.
 * @param {readonly Level[]} levels nearest first
 */
function watchText(levels) {
  const { formatPct } = window.LiqHeatmap;
  if (levels.length === 0) return 'none in range';
  return levels
    .slice(0, 2)
    .map((l) => `${zoneText(l)} (${formatPct(l.distancePct)})`)
    .join(', then ');
}

/** What the panels show before any data (as the page's markup has them). */
const NONE = '–';

/** Empties every panel a levels report fills. */
function clearLevels() {
  for (const id of ['levels-above', 'levels-below']) replaceChildren(id, []);
  for (const id of ['total-above', 'total-below', 'bias-meaning']) setText(id, '');
  for (const id of ['nearest-above', 'nearest-below', 'watch-above', 'watch-below', 'bias', 'bias-ratio', 'bias-window', 'price']) setText(id, NONE);
  byTestId('bias-card').className = 'bias-card';
}

/**
 * Shows a levels report, or for null empties every panel one fills (levels, totals, nearest, watch,
 * bias, price).
 * @param {LevelsReport | null} report
 */
export function showLevels(report) {
  const { formatNotional, formatPct } = window.LiqHeatmap;
  if (!report) {
    clearLevels();
    return;
  }
  const heat = report.unit === 'heat' ? ' (heat)' : '';
  const { nearestAbove, nearestBelow, bias } = report;
  replaceChildren('levels-above', [...report.above].reverse().map((l) => levelItem(l, report.unit, l.price === nearestAbove?.price)));
  replaceChildren('levels-below', report.below.map((l) => levelItem(l, report.unit, l.price === nearestBelow?.price)));
  setText('total-above', `total above ${formatNotional(report.totals.above, report.unit)}${heat}`);
  setText('total-below', `total below ${formatNotional(report.totals.below, report.unit)}${heat}`);
  setText('nearest-above', nearestText(nearestAbove, report.unit));
  setText('nearest-below', nearestText(nearestBelow, report.unit));
  setText('watch-above', watchText(report.above));
  setText('watch-below', watchText(report.below));
  setText('bias', bias.label.replace('-', ' '));
  byTestId('bias-card').className = `bias-card ${bias.label}`;
  setText('bias-ratio', `${bias.ratio.toFixed(2)} (longs below / shorts above)`);
  setText('bias-window', `within ${formatPct(bias.windowPct).replace(/^\+/, '±')} of price`);
  setText('bias-meaning', BIAS_MEANING[bias.label]);
  setText('price', formatPrice(report.price));
}

/**
 * Market figures; any may be undefined (then shown as –).
 * @param {MarketFigures} figures
 */
export function showMarket({ change24hPct, openInterestUsd, fundingRate, asOf }) {
  const { formatNotional } = window.LiqHeatmap;
  setText('change24h', change24hPct === undefined ? NONE : `${change24hPct >= 0 ? '+' : ''}${change24hPct.toFixed(2)}%`);
  setText('open-interest', openInterestUsd === undefined ? NONE : formatNotional(openInterestUsd, 'usd'));
  setText('funding', fundingRate === undefined ? NONE : `${(fundingRate * 100).toFixed(4)}%`);
  setText('as-of', asOf === undefined ? NONE : `${new Date(asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
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
