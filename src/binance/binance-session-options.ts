import type { Kline, KlineGap } from '../klines/kline';
import type { OpenInterestPoint } from '../model/open-interest';
import type { MarkPriceUpdate } from './binance-types';
import type { LiveFeedStatus, WebSocketFactory } from './live-feed-types';
import type { KlineRangeProgress } from './rest-kline-range';
import type { FetchLike } from './rest-options';
import type { OpenInterestPeriod } from './rest-validate';

/** Options of {@link BinanceSession}: which market, how much history, and where to reach Binance. */
export interface BinanceSessionOptions {
  /** USDⓈ-M perpetual, upper case, e.g. `'BTCUSDT'`. */
  symbol: string;
  /** Binance kline interval, e.g. `'1h'`. */
  interval: string;
  /** History to load up to now: `'12h'`, `'7d'`, `'6M'` or ms. Default `'7d'`; ignored when `startTime` is given. */
  lookback?: string | number;
  /** Load history from this open time (epoch ms) up to the forming bar instead of a lookback. */
  startTime?: number;
  /**
   * History loaded before the lookback (or start time) for the model alone, in ms: its warm-up, so the
   * first bar shown is computed from enough history (`historyNeededMs(tiers)`). Default 0.
   */
  warmupMs?: number;
  /**
   * Open-interest history (sizes in estimated USD): `true` for the interval's own period when Binance
   * has one (`5m` to `1d`), a period to use that one, `false` for none. Default `true`. Best effort:
   * a failure becomes a warning and sizes stay relative heat.
   */
  openInterest?: boolean | OpenInterestPeriod;
  /** REST origin (a proxy, a test server). Default `https://fapi.binance.com`. */
  restBaseUrl?: string;
  /** Websocket origin. Default `wss://fstream.binance.com`. */
  wsBaseUrl?: string;
  /** REST retries after the first attempt (429, 5xx, network). Default 4. */
  retries?: number;
  /** The fetch implementation. Default `globalThis.fetch`. */
  fetch?: FetchLike;
  /** The WebSocket implementation. Default `globalThis.WebSocket` (Node 20: pass the `ws` package's). */
  WebSocket?: WebSocketFactory;
  /** Called after every page of the history download. */
  onProgress?: (progress: KlineRangeProgress) => void;
  /** Cancels the history download and stops the live feed. */
  signal?: AbortSignal;
}

/** The history a session loaded. */
export interface SessionHistory {
  /** Bars oldest first, warm-up included; the last may still be forming. */
  klines: Kline[];
  /** Open time from which the asked-for lookback (or start time) begins: bars before it are warm-up only. */
  viewStart: number;
  /** Holes Binance left between bars (reported, not filled). */
  gaps: KlineGap[];
  /** Open-interest history, or undefined when not asked for, not offered for the interval, empty or failed. */
  openInterest: OpenInterestPoint[] | undefined;
  /** What went wrong without stopping the load (open interest unavailable, gaps), in words. */
  warnings: string[];
}

/** Callbacks of the live feed started by {@link BinanceSession.startLive}. */
export interface SessionLiveHandlers {
  /** Every kline in order: ticks of the forming bar (`closed: false`) and closed bars, resynced after reconnects. */
  onKline: (kline: Kline) => void;
  onMarkPrice?: (update: MarkPriceUpdate) => void;
  onStatus?: (status: LiveFeedStatus) => void;
}
