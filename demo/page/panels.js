// Side panels: levels with bars sized by strength, totals, nearest levels, bias, market figures and
// the status line. Everything is written with textContent: no remote text reaches innerHTML.
const $ = (id) => document.getElementById(id);

function levelItem(level, unit) {
  const { formatPrice, formatNotional, formatPct } = window.LiqHeatmap;
  const li = document.createElement('li');
  const bar = document.createElement('span');
  bar.className = 'bar';
  bar.style.width = `${Math.round(level.strength * 100)}%`;
  li.append(bar);
  for (const text of [formatPrice(level.price), formatNotional(level.notional, unit), formatPct(level.distancePct)]) {
    const span = document.createElement('span');
    span.textContent = text;
    li.append(span);
  }
  li.title = `zone ${formatPrice(level.low)} – ${formatPrice(level.high)}, strength ${level.strength.toFixed(2)}`;
  return li;
}

function nearestText(level) {
  if (!level) return 'none significant';
  const { formatPrice, formatPct } = window.LiqHeatmap;
  return `${formatPrice(level.price)} (${formatPct(level.distancePct)})`;
}

/** Shows a levels report (or clears the panels for null). */
export function showLevels(report) {
  const { formatNotional, formatPrice } = window.LiqHeatmap;
  if (!report) {
    for (const id of ['levels-above', 'levels-below']) $(id).replaceChildren();
    return;
  }
  $('levels-above').replaceChildren(...[...report.above].reverse().map((l) => levelItem(l, report.unit)));
  $('levels-below').replaceChildren(...report.below.map((l) => levelItem(l, report.unit)));
  $('total-above').textContent = `total above ${formatNotional(report.totals.above, report.unit)}${report.unit === 'heat' ? ' (heat)' : ''}`;
  $('total-below').textContent = `total below ${formatNotional(report.totals.below, report.unit)}${report.unit === 'heat' ? ' (heat)' : ''}`;
  $('nearest-above').textContent = nearestText(report.nearestAbove);
  $('nearest-below').textContent = nearestText(report.nearestBelow);
  $('bias').textContent = `${report.bias.label} (${report.bias.ratio.toFixed(2)})`;
  $('price').textContent = formatPrice(report.price);
}

/** Market figures; any may be undefined (then shown as –). */
export function showMarket({ change24hPct, openInterestUsd, fundingRate, asOf }) {
  const { formatNotional } = window.LiqHeatmap;
  $('change').textContent = change24hPct === undefined ? '–' : `${change24hPct >= 0 ? '+' : ''}${change24hPct.toFixed(2)}%`;
  $('open-interest').textContent = openInterestUsd === undefined ? '–' : formatNotional(openInterestUsd, 'usd');
  $('funding').textContent = fundingRate === undefined ? '–' : `${(fundingRate * 100).toFixed(4)}%`;
  $('as-of').textContent = asOf === undefined ? '–' : `${new Date(asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The status line: `kind` is live, replay, loading or error. */
export function showStatus(kind, text) {
  const status = $('status');
  status.textContent = text;
  status.className = kind;
}

export function showProgress(text) {
  $('progress').textContent = text;
}
