import type { ISeriesApi, SeriesType, Time, UTCTimestamp } from 'lightweight-charts';
import { BinanceSession } from '../src/binance/binance-session';
import { checkSessionOptions } from '../src/binance/session-options-check';
import type { LiveFeedStatus, WebSocketFactory } from '../src/binance/live-feed-types';
import type { KlineRangeProgress } from '../src/binance/rest-kline-range';
import type { FetchLike } from '../src/binance/rest-options';
import { CandleAggregator, aggregateKlines } from '../src/klines/candle-aggregator';
import { intervalToMs, isBinanceInterval } from '../src/klines/interval';
import type { Kline } from '../src/klines/kline';
import { modelIntervalFor } from '../src/klines/model-interval';
import { defaultMmr } from '../src/model/liquidation-price';
import { DEFAULT_TIERS } from '../src/model/model-options';
import { checkKnownOptions } from '../src/options/known-options';
import { historyNeededMs } from '../src/model/warmup';
import { createLiquidationHeatmap, type LiquidationHeatmap } from './create-liquidation-heatmap';
import { DEFAULT_HEATMAP_OPTIONS, checkPatchObject, mergeHeatmapOptions, type HeatmapOptionsPatch } from './heatmap-options';

const WHERE = 'attachBinanceHeatmap';

/** Options of {@link attachBinanceHeatmap}: where the data comes from, plus any overlay option. */
export interface BinanceHeatmapOptions extends HeatmapOptionsPatch {
  /** USDⓈ-M perpetual, e.g. `'BTCUSDT'`. */
  symbol: string;
  /** Binance interval of the series' bars, e.g. `'1h'`. */
  interval: string;
  /**
   * Interval of the klines the model is built from. Default {@link modelIntervalFor}(`interval`): `15m` for
   * charts from 15m to 1d, so the levels at a moment are the same whichever of those intervals the chart
   * shows; each bar then shows the last 15m column inside it. Must divide `interval`.
   */
  modelInterval?: string;
  /** History to load: `'12h'`, `'7d'`, `'6M'` or ms. Default `'7d'`. */
  lookback?: string | number;
  /** Also set and update the series' candles from Binance (default true); false when the page feeds its own. */
  feedCandles?: boolean;
  /** Fetch open-interest history so sizes are estimated USD (default true; best effort). */
  openInterest?: boolean;
  /** REST base URL (a proxy, a test server). Default `https://fapi.binance.com`. */
  restBaseUrl?: string;
  /** Websocket base URL. Default `wss://fstream.binance.com`. */
  wsBaseUrl?: string;
  /** The fetch used for REST requests. Default `globalThis.fetch` (looked up at call time). */
  fetch?: FetchLike;
  /** The WebSocket implementation of the live feed. Default `globalThis.WebSocket` (Node 20: pass the `ws` package's). */
  WebSocket?: WebSocketFactory;
  /** Paging progress of the history download. */
  onProgress?: (progress: KlineRangeProgress) => void;
  /** Live feed status changes (connecting, open, reconnecting, …) and load failures. */
  onStatus?: (status: LiveFeedStatus | { state: 'loaded'; bars: number }) => void;
  /** What went wrong without stopping the load (open interest unavailable, gaps in the klines). */
  onWarning?: (message: string) => void;
  /** Every kline applied (after the overlay and, with `feedCandles`, the series took it). */
  onKline?: (kline: Kline) => void;
}

const ATTACH_OPTION_NAMES: readonly string[] = [
  ...(['symbol', 'interval', 'modelInterval', 'lookback', 'feedCandles', 'openInterest', 'restBaseUrl', 'wsBaseUrl', 'fetch', 'WebSocket', 'onProgress', 'onStatus', 'onWarning', 'onKline'] satisfies (keyof BinanceHeatmapOptions)[]),
  ...Object.keys(DEFAULT_HEATMAP_OPTIONS),
];

/** A live Binance-fed overlay. */
export interface BinanceHeatmap {
  /** The overlay on the series: read its levels, apply options; the session feeds its data. */
  heatmap: LiquidationHeatmap;
  /**
   * Resolves when history is drawn and the live feed started (or once loading stopped early by
   * {@link stop}); rejects with a `BinanceError` if loading failed.
   */
  ready: Promise<void>;
  /** Stops the live feed (the overlay stays with its last data). */
  stop(): void;
  /** Stops the feed and removes the overlay. */
  detach(): void;
}

/**
 * One call from a series to a live liquidation overlay: a {@link BinanceSession} loads `lookback` of
 * klines from Binance REST (paged), scales by open interest when available, then follows the kline
 * websocket, updating only the forming bar per tick and re-fetching missed bars after reconnects. The
 * model runs on `modelInterval` klines (15m under charts from 15m to 1d); with `feedCandles` the series'
 * candles are made from them.
 *
 * ```js
 * const live = attachBinanceHeatmap(candles, { symbol: 'BTCUSDT', interval: '15m', lookback: '3d' });
 * await live.ready;
 * live.heatmap.levels();
 * ```
 */
export function attachBinanceHeatmap(series: ISeriesApi<SeriesType, Time>, options: BinanceHeatmapOptions): BinanceHeatmap {
  checkPatchObject(options, WHERE);
  checkKnownOptions(options, ATTACH_OPTION_NAMES, WHERE);
  const { symbol, interval, modelInterval: modelIntervalOption, lookback, feedCandles = true, openInterest, restBaseUrl, wsBaseUrl, fetch, WebSocket, onProgress, onStatus, onWarning, onKline, ...overlay } = options;
  if (typeof feedCandles !== 'boolean') throw new RangeError(`${WHERE}: feedCandles must be true or false, got ${String(feedCandles)}`);
  if (openInterest !== undefined && typeof openInterest !== 'boolean') throw new RangeError(`${WHERE}: openInterest must be true or false, got ${String(openInterest)}`);
  for (const [name, value] of Object.entries({ onStatus, onWarning, onKline })) {
    if (value !== undefined && typeof value !== 'function') throw new RangeError(`${WHERE}: ${name} must be a function, got ${String(value)}`);
  }
  const modelInterval = modelIntervalOption ?? (isBinanceInterval(interval) ? modelIntervalFor(interval) : interval);
  const barMs = intervalToMs(interval);
  if (barMs % intervalToMs(modelInterval) !== 0) {
    throw new RangeError(`attachBinanceHeatmap: modelInterval ${modelInterval} does not divide interval ${interval}`);
  }
  const overlayOptions = { ...overlay, model: { mmr: defaultMmr(symbol), ...overlay.model } };
  // Every option is checked before the overlay is attached and before any request goes out.
  const tiers = mergeHeatmapOptions(DEFAULT_HEATMAP_OPTIONS, overlayOptions, WHERE).model.tiers ?? DEFAULT_TIERS;
  // The model reads the warm-up before the first candle shown, so the levels at a bar do not depend on the lookback picked.
  const sessionOptions = { symbol, interval: modelInterval, lookback, warmupMs: historyNeededMs(tiers), openInterest, restBaseUrl, wsBaseUrl, fetch, WebSocket, onProgress };
  checkSessionOptions(sessionOptions, WHERE);
  const session = new BinanceSession(sessionOptions);
  const heatmap = createLiquidationHeatmap(series, overlayOptions);
  const candle = (k: Kline) => ({ time: (k.openTime / 1000) as UTCTimestamp, open: k.open, high: k.high, low: k.low, close: k.close });
  const candles = new CandleAggregator(barMs);
  const apply = (k: Kline) => {
    if (feedCandles) series.update(candle(candles.push(k)) as never);
    heatmap.update(k);
    onKline?.(k);
  };

  const load = async () => {
    const history = await session.loadHistory();
    for (const warning of history.warnings) onWarning?.(warning);
    if (feedCandles) {
      const shown = history.klines.filter((k) => k.openTime >= Math.floor(history.viewStart / barMs) * barMs);
      series.setData(aggregateKlines(shown, barMs).map(candle) as never);
      for (const k of shown.slice(-Math.ceil(barMs / intervalToMs(modelInterval)))) candles.push(k);
    }
    await heatmap.setDataAsync(history.klines, history.openInterest ? { openInterest: history.openInterest } : {});
    if (session.signal.aborted) return;
    onStatus?.({ state: 'loaded', bars: history.klines.length });
    session.startLive({ onKline: apply, onStatus });
  };
  const ready = load().catch((error: unknown) => {
    if (!session.signal.aborted) throw error;
  });

  const stop = () => session.stop(new Error('stopped'));
  return {
    heatmap,
    ready,
    stop,
    detach: () => {
      stop();
      heatmap.detach();
    },
  };
}
