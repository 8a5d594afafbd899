// @ts-check
// Feeds the chart and the overlay from a data source (data-source.js): the history goes to the candles
// at once and to the overlay's model in slices; ticks that arrive meanwhile wait for the model. A new
// load stops the previous source, and a model finishing for data already replaced changes nothing.
// New data (a load, a replay's restart) first clears what described the data it replaces.
import { showEmptyState, showSyntheticWatermark } from './chart-notice.js';
import { NoRecordingError, openSource } from './data-source.js';
import { showMarket, showProgress, showStatus } from './panels.js';
import { priceFormatOf } from './price-format.js';
import { usePriceDecimals } from './price-text.js';

/** A long history zoomed all the way out is unreadable and slow to paint: the chart opens on the latest bars. */
const MAX_INITIAL_BARS = 1500;

/** @typedef {import('./url-state.js').DemoState} DemoState */
/** @typedef {import('./panels.js').MarketFigures} MarketFigures */
/** @typedef {import('./candle-window.js').CandleWindow} CandleWindow */
/** @typedef {ReturnType<typeof import('./overlay.js').createOverlay>} Overlay */
/** @typedef {import('lightweight-charts').IChartApi} IChartApi */
/** @typedef {import('lightweight-charts').ISeriesApi<'Candlestick'>} CandleSeries */
/** @typedef {import('../../plugin/index').Kline} Kline */
/** @typedef {import('../../plugin/index').ModelContext} ModelContext */
/** @typedef {import('../../plugin/index').OpenInterestPoint} OpenInterestPoint */

/**
 * The demo server's `/api/config`.
 * @typedef {object} DemoConfig
 * @property {'live' | 'replay'} mode live: Binance first, replay when it cannot be reached
 * @property {string} [wsBaseUrl] Binance's market-data websocket base URL
 * @property {string | null} [replayLabel]
 * @property {string | null} [replaySymbol] with `--replay FILE`: the file's symbol, when its name says
 * @property {string | null} [replayInterval] with `--replay FILE`: the file's interval
 */
/** @typedef {ReturnType<typeof import('./replay-controls.js').bindReplayControls>} ReplayControls */
/** @typedef {import('./replay-player.js').ReplayPlayer} ReplayPlayer */

/** @returns {Promise<void>} */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/**
 * The feed for `state`'s symbol, interval and range (read at each load). `onUpdate()` runs after every
 * change of the model (history ready, tick, open interest) to refresh what reads it; `onClear()` when
 * data is about to be replaced (a load starts, a replay restarts), to clear what described the old data
 * (the market figures are cleared already). `replayControls` shows the replay bar while a replay plays.
 * @param {{ state: Readonly<DemoState>, chart: IChartApi, candles: CandleSeries, candleWindow: CandleWindow, overlay: Overlay, onUpdate: () => void, onClear: () => void, replayControls: ReplayControls }} parts
 */
export function createDataFeed({ state, chart, candles: series, candleWindow, overlay, onUpdate, onClear, replayControls }) {
  /** @type {MarketFigures} */
  const market = {};
  /** @type {DemoConfig} */
  let config = { mode: 'live' };
  /** @type {import('./data-source.js').Source | null} */
  let source = null;
  /** @type {AbortController | null} */
  let controller = null;
  /** @type {Kline[] | null} */
  let pendingTicks = null;
  /** Makes the candles from finer klines (the model's) when the chart's interval is coarser; null otherwise. */
  /** @type {import('../../plugin/index').CandleAggregator | null} */
  let candles = null;
  let histories = 0;

  /**
   * Feeds a tick to the model; false when it was refused (the status says why).
   * @param {Kline} k
   */
  function feedTick(k) {
    try {
      overlay.current().update(k);
      return true;
    } catch (error) {
      showStatus('error', `bad update ignored: ${messageOf(error)}`);
      return false;
    }
  }

  /** The figures and panels of the data being replaced go before any of the next data shows. */
  function forgetData() {
    for (const key of /** @type {(keyof MarketFigures)[]} */ (Object.keys(market))) delete market[key];
    onClear();
  }

  /** @param {Kline} k */
  function applyTick(k) {
    if (feedTick(k)) onUpdate();
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
     * @param {number} [viewStart] open time of the first candle to show; earlier klines are the model's warm-up
     * @param {number} [candleMs] the candles' length when the klines are finer (the candles are made from them)
     */
    history(klines, label, context = {}, viewStart = -Infinity, candleMs) {
      const run = ++histories;
      forgetData();
      showEmptyState(null);
      const { CandleAggregator, aggregateKlines } = window.LiqHeatmap;
      const shown = klines.filter((k) => k.openTime >= (candleMs ? Math.floor(viewStart / candleMs) * candleMs : viewStart));
      candles = null;
      if (candleMs) {
        const aggregator = new CandleAggregator(candleMs);
        const bucket = (/** @type {Kline} */ k) => Math.floor(k.openTime / candleMs);
        const last = shown[shown.length - 1];
        // The forming candle's klines so far, so the next tick extends it.
        for (const k of shown) if (last && bucket(k) === bucket(last)) aggregator.push(k);
        candles = aggregator;
      }
      // Before the candles arrive, so the axis and the level labels show the symbol's tick from the first frame.
      const priceFormat = priceFormatOf(klines);
      series.applyOptions({ priceFormat });
      usePriceDecimals(priceFormat.precision);
      candleWindow.set(candleMs ? aggregateKlines(shown, candleMs) : shown);
      const count = candleWindow.shown();
      if (count > MAX_INITIAL_BARS) chart.timeScale().setVisibleLogicalRange({ from: count - MAX_INITIAL_BARS, to: count + 4 });
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
            // The ticks that came while the model loaded refresh the panels once, below, not once each.
            for (const k of ticks) feedTick(k);
            showProgress('');
            onUpdate();
            document.documentElement.dataset.ready = '1';
          },
          (error) => run === histories && reportModelError('model', error),
        );
    },
    /** @param {Kline} k */
    kline(k) {
      candleWindow.update(candles ? candles.push(k) : k);
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
      overlay.current().setOpenInterest(points).then(onUpdate, (error) => reportModelError('open interest', error));
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
    /** @param {import('./data-source.js').ReplayInfo} info */
    replay(info) {
      showSyntheticWatermark(info.synthetic);
    },
    /**
     * @param {import('./replay-player.js').ReplayState} replayState
     * @param {{ bar: number, bars: number }} position
     */
    replayState(replayState, position) {
      replayControls.show(replayState, position);
    },
  };

  async function load() {
    controller?.abort();
    source?.stop();
    source = null;
    controller = new AbortController();
    const { signal } = controller;
    delete document.documentElement.dataset.ready;
    delete document.documentElement.dataset.empty;
    sink.lastStatus = '';
    forgetData();
    replayControls.attach(null);
    showSyntheticWatermark(false);
    try {
      const opened = await openSource(state, config, sink, signal);
      if (signal.aborted) opened.stop();
      else {
        source = opened;
        replayControls.attach(opened.player ?? null);
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof NoRecordingError) {
        histories++;
        candleWindow.set([]);
        showEmptyState(error.message);
        // Why there is no live data either (when live was tried), then why there is nothing to replay.
        const why = sink.lastStatus.replace(/: showing replayed data instead$/, '');
        showStatus('error', why ? `${why}; ${error.message}` : error.message);
        document.documentElement.dataset.empty = '1';
        return;
      }
      showStatus('error', messageOf(error));
      document.documentElement.dataset.error = messageOf(error);
    }
  }

  return {
    /** The market figures so far (the panel shows them). */
    market,
    /**
     * Starts loading as the demo server's config says (live or replay).
     * @param {DemoConfig} serverConfig
     */
    start(serverConfig) {
      config = serverConfig;
      return load();
    },
    /** Stops the source and loads the state's data again. */
    reload: load,
    /** The replay playing now, or null when the data is live. */
    player: () => source?.player ?? null,
  };
}
