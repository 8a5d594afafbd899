// @ts-check
// Level alerts on the page: price within N % of a significant level, or a level swept. One notice per
// level and kind within the cool-down; a browser notification too when the user allowed them.
import { createAlertDedup } from './alert-dedup.js';
import { alertPctError } from './alert-input.js';
import { byTestId, inputByTestId, make } from './dom.js';
import { showInputError } from './input-error.js';
import { formatPrice } from './price-text.js';

const MAX_SHOWN = 30;

/** @typedef {import('./url-state.js').DemoState} DemoState */
/** @typedef {import('../../plugin/index').LevelAlert} LevelAlert */
/** @typedef {import('../../plugin/index').LevelAlerts} LevelAlerts */
/** @typedef {import('../../plugin/index').LevelsReport} LevelsReport */

/**
 * Cool-down between two alerts of one kind for one level: twelve bars of the chart's interval.
 * @param {string} interval
 */
export function cooldownMs(interval) {
  return 12 * window.LiqHeatmap.intervalToMs(interval);
}

/** @param {LevelAlert} alert */
function notify(alert) {
  const { formatPct } = window.LiqHeatmap;
  const what = alert.level.side === 'long' ? 'long-liquidation level' : 'short-liquidation level';
  const text = alert.type === 'swept' ? `${what} ${formatPrice(alert.level.price)} swept` : `price within ${formatPct(Math.abs(alert.distancePct)).replace(/^\+/, '')} of ${what} ${formatPrice(alert.level.price)}`;
  const li = make('li', { className: alert.type, text: `${new Date(alert.time).toISOString().slice(0, 16).replace('T', ' ')} UTC ${text}` });
  li.dataset.type = alert.type;
  li.dataset.level = String(alert.id);
  li.dataset.time = String(alert.time);
  li.dataset.side = alert.level.side;
  li.dataset.price = String(alert.level.price);
  const list = byTestId('alerts');
  list.prepend(li);
  while (list.children.length > MAX_SHOWN) list.lastElementChild?.remove();
  if ('Notification' in window && Notification.permission === 'granted') new Notification('Liq. levels', { body: text });
}

/**
 * The alerts panel over `state` (reads `alertPct` and `interval`); reports its input as `{ alertPct }`.
 * `rowPct()` is the price grid's row height in % (levels that close are one place: one alert).
 * @param {Readonly<DemoState>} state
 * @param {(partial: Partial<DemoState>) => void} onChange
 * @param {() => number} rowPct
 * @returns {{ check(report: LevelsReport | null): void, reset(): void }}
 */
export function createAlerts(state, onChange, rowPct) {
  /** @type {LevelAlerts | null} */
  let alerts = null;
  /** @type {ReturnType<typeof createAlertDedup> | null} */
  let dedup = null;
  const start = () => {
    alerts = state.alertPct > 0 ? new window.LiqHeatmap.LevelAlerts({ approachPct: state.alertPct, cooldownMs: cooldownMs(state.interval) }) : null;
    dedup = null;
  };
  start();

  const pct = inputByTestId('alert-pct');
  pct.value = String(state.alertPct);
  pct.addEventListener('change', () => {
    const error = alertPctError(pct.value);
    showInputError(pct, 'alert-pct-error', error);
    if (error !== null) return;
    onChange({ alertPct: Number(pct.value.trim()) });
    pct.value = String(state.alertPct);
  });
  byTestId('alert-notify').addEventListener('click', () => {
    if ('Notification' in window) Notification.requestPermission();
  });

  return {
    /** Checks a fresh report; call on every update. */
    check(report) {
      if (!alerts || !report) return;
      dedup ??= createAlertDedup(rowPct(), cooldownMs(state.interval));
      for (const alert of alerts.check(report, report.time)) if (!dedup.isRepeat(alert)) notify(alert);
    },
    /** Starts over with the state's settings and an empty list. */
    reset() {
      start();
      byTestId('alerts').replaceChildren();
    },
  };
}
