// @ts-check
// The page's composition root: builds the chart, overlay and panels over one state, and turns each state
// change into the effects it needs (state-effects.js), each run once.
import { createAlerts } from './alerts.js';
import { createCandleWindow } from './candle-window.js';
import { createChartView } from './chart-view.js';
import { bindControls } from './controls.js';
import { openSource } from './data-source.js';
import { byTestId } from './dom.js';
import { createOverlay } from './overlay.js';
import { showLevels, showMarket, showProgress, showStatus } from './panels.js';
import { createPlanner } from './plan.js';
import { effectsOf } from './state-effects.js';
import { attachTooltip } from './tooltip.js';
import { writeState } from './url-state.js';

/** A long history zoomed all the way out is unreadable and slow to paint: the chart opens on the latest bars. */
const MAX_INITIAL_BARS = 1500;
const CHART_WINDOW_BARS = 3000;

/** @typedef {import('./url-state.js').DemoState} DemoState */
/** @typedef {import('./state-effects.js').Effect} Effect */
/** @typedef {import('./panels.js').MarketFigures} MarketFigures */
/** @typedef {import('./candle-window.js').CandleWindow} CandleWindow */
/** @typedef {import('lightweight-charts').IChartApi} IChartApi */
/** @typedef {import('lightweight-charts').ISeriesApi<'Candlestick'>} CandleSeries */
/** @typedef {import('../../plugin/index').LiquidationHeatmap} LiquidationHeatmap */
/** @typedef {import('../../plugin/index').Kline} Kline */
/** @typedef {import('../../plugin/index').ModelContext} ModelContext */
/** @typedef {import('../../plugin/index').OpenInterestPoint} OpenInterestPoint */

/**
 * The demo server's `/api/config`.
 * @typedef {object} DemoConfig
 * @property {'live' | 'replay'} mode live: Binance first, replay when it cannot be reached
 * @property {string} [wsBaseUrl] Binance's market-data websocket base URL
 * @property {string | null} [replayLabel]
 */

/**
 * The page's handles on `window.demo`, for the browser tests and the console.
 * @typedef {object} DemoHandles
 * @property {IChartApi} chart
 * @property {CandleSeries} candles
 * @property {CandleWindow} candleWindow
 * @property {LiquidationHeatmap} heatmap the overlay in use (a new symbol may bring a new one)
 * @property {DemoState} state
 * @property {ReturnType<typeof createPlanner>} planner
 */

/** @returns {Promise<void>} */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/**
 * Builds the page over `state` (which it keeps up to date and mirrors into the URL).
 * @param {DemoState} state
 */
export function createApp(state) {
  const { chart, candles } = createChartView(byTestId('chart'));
  const overlay = createOverlay(candles, state);
  const candleWindow = createCandleWindow(chart, candles, { size: CHART_WINDOW_BARS });
  /** @type {MarketFigures} */
  const market = {};
  /** @type {DemoConfig} */
  let config = { mode: 'live' };
  /** @type {{ stop(): void } | null} */
  let source = null;
  /** @type {AbortController | null} */
  let controller = null;
  /** Ticks that arrive while a model is being built, applied once it is ready. */
  /** @type {Kline[] | null} */
  let pendingTicks = null;
  /** Counts histories, so a model build finishing for data already replaced changes nothing. */
  let histories = 0;

  function refreshPanels() {
    const report = overlay.current().levels();
    showLevels(report);
    showMarket(market);
    planner.refresh();
    alerts.check(report);
  }

  /** @param {Kline} k */
  function applyTick(k) {
    try {
      overlay.current().update(k);
    } catch (error) {
      showStatus('error', `bad update ignored: ${messageOf(error)}`);
      return;
    }
    refreshPanels();
  }

  /**
   * @param {string} what
   * @param {unknown} error
   */
  function reportModelError(what, error) {
    if (!/superseded/.test(messageOf(error))) showStatus('error', `${what}: ${messageOf(error)}`);
  }

  /** What data-source.js feeds. */
  const sink = {
    lastStatus: '',
    /**
     * @param {readonly Kline[]} klines
     * @param {string} label
     * @param {ModelContext} [context]
     */
    history(klines, label, context = {}) {
      const run = ++histories;
      candleWindow.set(klines);
      const shown = candleWindow.shown();
      if (shown > MAX_INITIAL_BARS) chart.timeScale().setVisibleLogicalRange({ from: shown - MAX_INITIAL_BARS, to: shown + 4 });
      else chart.timeScale().fitContent();
      pendingTicks = [];
      market.label = label;
      // The candles go to the chart in this task and the model starts in the next one.
      nextTask()
        .then(() => overlay.load(klines, context, (done, total) => showProgress(`model ${Math.round((100 * done) / total)}%`)))
        .then(
          () => {
            if (run !== histories) return;
            const ticks = pendingTicks ?? [];
            pendingTicks = null;
            for (const k of ticks) applyTick(k);
            showProgress('');
            refreshPanels();
            document.documentElement.dataset.ready = '1';
          },
          (error) => run === histories && reportModelError('model', error),
        );
    },
    /** @param {Kline} k */
    kline(k) {
      candleWindow.update(k);
      if (pendingTicks) pendingTicks.push(k);
      else applyTick(k);
    },
    /** @param {MarketFigures} m */
    market(m) {
      Object.assign(market, m);
      showMarket(market);
    },
    /** @param {readonly OpenInterestPoint[]} points */
    openInterest(points) {
      // Recomputed in slices after the history load; the page keeps showing heat until then.
      overlay.current().setOpenInterest(points).then(refreshPanels, (error) => reportModelError('open interest', error));
    },
    /**
     * @param {'live' | 'replay' | 'loading' | 'error'} kind
     * @param {string} text
     */
    status(kind, text) {
      sink.lastStatus = text;
      showStatus(kind, text);
    },
    progress: showProgress,
  };

  async function load() {
    controller?.abort();
    source?.stop();
    source = null;
    controller = new AbortController();
    const { signal } = controller;
    delete document.documentElement.dataset.ready;
    showLevels(null);
    try {
      const opened = await openSource(state, config, sink, signal);
      if (signal.aborted) opened.stop();
      else source = opened;
    } catch (error) {
      if (signal.aborted) return;
      showStatus('error', messageOf(error));
      document.documentElement.dataset.error = messageOf(error);
    }
  }

  /** @type {Readonly<Record<Effect, () => void>>} */
  const effects = {
    candles: () => candles.applyOptions({ visible: state.klines }),
    repaint: () => overlay.repaint(),
    realert: () => alerts.reset(),
    replan: () => planner.refresh(),
    reload: () => void load(),
  };

  /**
   * Applies an edit: updates the state and the URL, then runs each effect the edit needs once.
   * @param {Partial<DemoState>} partial
   */
  function change(partial) {
    const needed = effectsOf(state, partial);
    Object.assign(state, partial);
    history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
    for (const effect of needed) effects[effect]();
  }

  const planner = createPlanner(() => ({ heatmap: overlay.current(), candles, chart }), state, change);
  const alerts = createAlerts(state, change);
  bindControls(state, change);
  candles.applyOptions({ visible: state.klines });
  attachTooltip(chart, byTestId('tooltip'), () => ({ heatmap: overlay.current(), candles }));

  /** @type {DemoHandles} */
  const handles = {
    chart,
    candles,
    candleWindow,
    get heatmap() {
      return overlay.current();
    },
    state,
    planner,
  };

  return {
    /** Applies an edit as the controls do. */
    change,
    /**
     * Loads the state's data as `serverConfig` says (live or replay) and keeps it coming.
     * @param {DemoConfig} serverConfig
     */
    start(serverConfig) {
      config = serverConfig;
      return load();
    },
    handles,
  };
}
