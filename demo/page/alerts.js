// Level alerts on the page: price within N % of a significant level, or a level swept. One notice per
// level and kind within the cool-down; a browser notification too when the user allowed them.
const $ = (id) => document.getElementById(id);
const MAX_SHOWN = 30;

/** Cool-down between two alerts of one kind for one level: twelve bars of the chart's interval. */
export function cooldownMs(interval) {
  return 12 * window.LiqHeatmap.intervalToMs(interval);
}

export function createAlerts(state, onChange) {
  let alerts = null;
  const reset = () => {
    alerts = state.alertPct > 0 ? new window.LiqHeatmap.LevelAlerts({ approachPct: state.alertPct, cooldownMs: cooldownMs(state.interval) }) : null;
  };
  reset();

  $('alert-pct').value = String(state.alertPct);
  $('alert-pct').addEventListener('change', () => {
    const value = Number($('alert-pct').value);
    if (value >= 0 && value <= 20) onChange({ alertPct: value });
  });
  $('alert-notify').addEventListener('click', () => {
    if ('Notification' in window) Notification.requestPermission();
  });

  function notify(alert) {
    const { formatPrice, formatPct } = window.LiqHeatmap;
    const what = alert.level.side === 'long' ? 'long-liquidation level' : 'short-liquidation level';
    const text = alert.type === 'swept' ? `${what} ${formatPrice(alert.level.price)} swept` : `price within ${formatPct(alert.distancePct)} of ${what} ${formatPrice(alert.level.price)}`;
    const li = document.createElement('li');
    li.className = alert.type;
    li.dataset.type = alert.type;
    li.dataset.level = String(alert.id);
    li.dataset.time = String(alert.time);
    li.textContent = `${new Date(alert.time).toISOString().slice(5, 16).replace('T', ' ')} ${text}`;
    const list = $('alerts');
    list.prepend(li);
    while (list.children.length > MAX_SHOWN) list.lastChild.remove();
    if ('Notification' in window && Notification.permission === 'granted') new Notification('Liq. levels', { body: text });
  }

  return {
    /** Checks a fresh report; call on every update. */
    check(report) {
      if (!alerts || !report) return;
      for (const alert of alerts.check(report, report.time)) notify(alert);
    },
    reset() {
      reset();
      $('alerts').replaceChildren();
    },
  };
}
