// The demo page: a trader's view of the liquidation heatmap and levels over live (or replayed) candles.
import { createAlerts } from './alerts.js';
import { createCandleWindow } from './candle-window.js';
import { bindControls } from './controls.js';
import { openSource } from './data-source.js';
import { showLevels, showMarket, showProgress, showStatus } from './panels.js';
import { createPlanner } from './plan.js';
import { attachTooltip } from './tooltip.js';
import { readState, writeState } from './url-state.js';

const { createChart, CandlestickSeries, LineStyle, CrosshairMode } = window.LightweightCharts;
const { createLiquidationHeatmap } = window.LiqHeatmap;

const state = readState(location.search);
const MAX_INITIAL_BARS = 1500;
const CHART_WINDOW_BARS = 3000;
let source = null;
let loading = null;
let config = { mode: 'live' };
const market = {};
let pendingTicks = null;

// Parsing the page and the scripts is one task and the page's first frame another; creating the chart
// (canvases, layout) comes after that frame, in its own task.
await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const chart = createChart(document.getElementById('chart'), {
  autoSize: true,
  layout: { background: { color: '#0d1117' }, textColor: '#d0d7de', attributionLogo: true },
  grid: { vertLines: { color: '#161b22' }, horzLines: { color: '#161b22' } },
  crosshair: {
    mode: CrosshairMode.Normal,
    vertLine: { style: LineStyle.Dashed, color: '#8b949e', labelBackgroundColor: '#30363d' },
    horzLine: { style: LineStyle.Dashed, color: '#8b949e', labelBackgroundColor: '#30363d' },
  },
  timeScale: { timeVisible: true, rightOffset: 4, tickMarkFormatter: tickMark },
  // A fixed minimum width: the axis does not widen when the first prices arrive, which would re-lay out the chart in the same frame.
  rightPriceScale: { scaleMargins: { top: 0.08, bottom: 0.08 }, minimumWidth: 84 },
});
const candles = chart.addSeries(CandlestickSeries, {
  upColor: '#3fb950', downColor: '#f85149', wickUpColor: '#3fb950', wickDownColor: '#f85149', borderVisible: false,
});
const heatmap = createLiquidationHeatmap(candles, overlayOptions());
const candleWindow = createCandleWindow(chart, candles, { size: CHART_WINDOW_BARS });

function overlayOptions() {
  return {
    threshold: state.threshold,
    moreHeat: state.heat,
    heatmapVisible: state.heatmap,
    levelsVisible: state.levels,
    sweptVisible: state.swept,
    sides: state.sides,
    palette: state.palette,
    model: { mmr: window.LiqHeatmap.defaultMmr(state.symbol) },
  };
}

function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

/** Tick labels from UTC fields: cheaper than the library's default formatter on long histories. */
function tickMark(time, type) {
  const d = new Date(time * 1000);
  if (type === 0) return String(d.getUTCFullYear());
  if (type === 1) return MONTHS[d.getUTCMonth()];
  if (type === 2) return String(d.getUTCDate());
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function refreshPanels() {
  const report = heatmap.levels();
  showLevels(report);
  showMarket(market);
  planner.refresh();
  alerts.check(report);
}

const sink = {
  lastStatus: '',
  history(klines, label, context = {}) {
    candleWindow.set(klines);
    const shown = candleWindow.shown();
    // A long history zoomed all the way out is unreadable and slow to paint: show the recent bars.
    if (shown > MAX_INITIAL_BARS) chart.timeScale().setVisibleLogicalRange({ from: shown - MAX_INITIAL_BARS, to: shown + 4 });
    else chart.timeScale().fitContent();
    pendingTicks = [];
    // Hand the candles to the chart in this task and start the model in the next one.
    loading = nextTask().then(() => heatmap.setDataAsync(klines, context, { onProgress: (done, total) => showProgress(`model ${Math.round((100 * done) / total)}%`) }));
    loading.then(() => {
      const ticks = pendingTicks ?? [];
      pendingTicks = null;
      for (const k of ticks) applyTick(k);
      showProgress('');
      refreshPanels();
      document.documentElement.dataset.ready = '1';
    }, (error) => {
      if (!/superseded/.test(String(error && error.message))) showStatus('error', `model: ${error.message}`);
    });
    market.label = label;
  },
  kline(k) {
    candleWindow.update(k);
    if (pendingTicks) pendingTicks.push(k);
    else applyTick(k);
  },
  market(m) {
    Object.assign(market, m);
    showMarket(market);
  },
  openInterest(points) {
    // Recomputed in slices after the history load; the page keeps showing heat until then.
    heatmap.setOpenInterest(points).then(refreshPanels, (error) => {
      if (!/superseded/.test(String(error && error.message))) showStatus('error', `open interest: ${error.message}`);
    });
  },
  status(kind, text) {
    sink.lastStatus = text;
    showStatus(kind, text);
  },
  progress: showProgress,
};

function applyTick(k) {
  try {
    heatmap.update(k);
  } catch (error) {
    showStatus('error', `bad update ignored: ${error.message}`);
    return;
  }
  refreshPanels();
}

let controller = null;
async function load() {
  controller?.abort();
  source?.stop();
  source = null;
  controller = new AbortController();
  const { signal } = controller;
  delete document.documentElement.dataset.ready;
  showLevels(null);
  try {
    source = await openSource(state, config, sink, signal);
  } catch (error) {
    if (signal.aborted) return;
    showStatus('error', error.message);
    document.documentElement.dataset.error = error.message;
  }
}

function onChange(partial) {
  const reload = ['symbol', 'interval', 'range'].some((key) => key in partial && partial[key] !== state[key]);
  Object.assign(state, partial);
  history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
  if ('alertPct' in partial || reload) alerts.reset();
  if (['planSide', 'planEntry', 'planBuffer'].some((key) => key in partial)) {
    planner.refresh();
    if (!reload) return;
  }
  if ('alertPct' in partial && !reload) return;
  candles.applyOptions({ visible: state.klines });
  if (reload) {
    heatmap.applyOptions({ model: { mmr: window.LiqHeatmap.defaultMmr(state.symbol) } });
    load();
    return;
  }
  heatmap.applyOptions(overlayOptions());
  refreshPanels();
}

const planner = createPlanner(() => ({ heatmap, candles, chart }), state, onChange);
const alerts = createAlerts(state, onChange);
bindControls(state, onChange);
candles.applyOptions({ visible: state.klines });
attachTooltip(chart, document.getElementById('tooltip'), () => ({ heatmap, candles }));
window.demo = { chart, candles, candleWindow, heatmap, state, planner };

// The first number formatter loads the locale data (about 25 ms here): pay for it while the network works, not in the task that shows the levels.
setTimeout(() => window.LiqHeatmap.formatPrice(100_000), 0);

const configLoaded = fetch('/api/config')
  .then((r) => r.json())
  .then((c) => {
    config = c;
  })
  .catch(() => {});
// Klines are asked for once the page has painted its (empty) chart: that first frame is page start-up
// and should not land in the middle of the load.
const chartPainted = new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
Promise.all([configLoaded, chartPainted]).then(load);
