// @ts-check
// The page's composition root: builds the chart, overlay, feed and panels over one state, and turns each
// state change into the effects it needs (state-effects.js), each run once.
import { createAlerts } from './alerts.js';
import { createCandleWindow } from './candle-window.js';
import { createChartView, crosshairOptions, isTouchScreen } from './chart-view.js';
import { bindControls, lockSymbolAndInterval } from './controls.js';
import { createDataFeed } from './data-feed.js';
import { byTestId } from './dom.js';
import { withImpliedEdits } from './implied-edits.js';
import { keepRoomForLabels } from './label-room.js';
import { createOverlay } from './overlay.js';
import { showLevels, showMarket } from './panels.js';
import { formatPrice } from './price-text.js';
import { createPlanner } from './plan.js';
import { bindReplayControls } from './replay-controls.js';
import { effectsOf } from './state-effects.js';
import { attachTooltip } from './tooltip.js';
import { attachTouchInspect } from './touch-inspect.js';
import { writeState } from './url-state.js';

const CHART_WINDOW_BARS = 3000;

/** @typedef {import('./url-state.js').DemoState} DemoState */
/** @typedef {import('./state-effects.js').Effect} Effect */
/** @typedef {import('./data-feed.js').DemoConfig} DemoConfig */
/** @typedef {import('./candle-window.js').CandleWindow} CandleWindow */
/** @typedef {import('lightweight-charts').IChartApi} IChartApi */
/** @typedef {import('lightweight-charts').ISeriesApi<'Candlestick'>} CandleSeries */
/** @typedef {import('../../plugin/index').LiquidationHeatmap} LiquidationHeatmap */

/**
 * The page's handles on `window.demo`, for the browser tests and the console.
 * @typedef {object} DemoHandles
 * @property {IChartApi} chart
 * @property {CandleSeries} candles
 * @property {CandleWindow} candleWindow
 * @property {LiquidationHeatmap} heatmap the overlay in use (a new symbol may bring a new one)
 * @property {DemoState} state
 * @property {ReturnType<typeof createPlanner>} planner
 * @property {() => import('./replay-player.js').ReplayPlayer | null} replay the replay playing, null when live
 * @property {(price: number) => string} formatPrice a price as the panels write it (the chart's decimals, thousands separators)
 */

/**
 * Builds the page over `state` (which it keeps up to date and mirrors into the URL).
 * @param {DemoState} state
 */
export function createApp(state) {
  const { chart, candles } = createChartView(byTestId('chart'), state.crosshair);
  const overlay = createOverlay(candles, state);
  const candleWindow = createCandleWindow(chart, candles, { size: CHART_WINDOW_BARS });
  const replayControls = bindReplayControls(() => feed.player());
  /** False from the start of a load until its model is ready (the overlay keeps the old model until then) and while nothing is recorded. */
  let hasData = false;
  const feed = createDataFeed({ state, chart, candles, candleWindow, overlay, onUpdate: refreshPanels, onClear: clearPanels, replayControls });
  /** The levels of the data shown, null while there is none. */
  const levels = () => (hasData ? overlay.current().levels() : null);

  function refreshPanels() {
    hasData = true;
    const report = levels();
    showLevels(report);
    keepRoomForLabels(chart, candles, overlay.current(), report);
    showMarket(feed.market);
    planner.refresh();
    alerts.check(report);
  }

  /** The panels and plan while there is no data: as before the first data. */
  function clearPanels() {
    hasData = false;
    showLevels(null);
    showMarket(feed.market);
    planner.refresh();
  }

  /** @type {Readonly<Record<Effect, () => void>>} */
  const effects = {
    candles: () => candles.applyOptions({ visible: state.klines }),
    crosshair: () => chart.applyOptions({ crosshair: crosshairOptions(state.crosshair) }),
    repaint: () => overlay.repaint(),
    realert: () => alerts.reset(),
    replan: () => planner.refresh(),
    reload: () => void feed.reload(),
  };

  /**
   * Applies an edit and those it implies: updates the state and the URL, then runs each effect they need once.
   * @param {Partial<DemoState>} edit
   */
  function change(edit) {
    const partial = withImpliedEdits(state, edit);
    const needed = effectsOf(state, partial);
    Object.assign(state, partial);
    history.replaceState(null, '', `${location.pathname}${writeState(state, location.search)}`);
    for (const effect of needed) effects[effect]();
  }

  const planner = createPlanner(() => ({ heatmap: overlay.current(), levels, candles, chart }), state, change);
  // Rows are resolutionPct tall (a whole multiple of it only on very wide ranges): levels closer than that are one row.
  const alerts = createAlerts(state, change, () => window.LiqHeatmap.mergeModelOptions(overlay.current().options().model).resolutionPct);
  bindControls(state, change);
  candles.applyOptions({ visible: state.klines });
  const tooltip = attachTooltip(chart, byTestId('tooltip'), () => ({ heatmap: overlay.current(), candles }));
  if (isTouchScreen()) attachTouchInspect(chart, () => candles, byTestId('chart'), tooltip);

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
    replay: () => feed.player(),
    formatPrice,
  };

  return {
    /** Applies an edit as the controls do. */
    change,
    /**
     * Loads the state's data as the demo server's config says (live or replay) and keeps it coming.
     * @param {DemoConfig} config
     */
    start: (config) => {
      if (config.mode === 'replay' && (config.replaySymbol || config.replayInterval)) {
        Object.assign(state, { symbol: config.replaySymbol ?? state.symbol, interval: config.replayInterval ?? state.interval });
        history.replaceState(null, '', `${location.pathname}${writeState(state, location.search)}`);
        lockSymbolAndInterval(state);
      }
      return feed.start(config);
    },
    handles,
  };
}
