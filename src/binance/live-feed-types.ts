import type { Kline } from '../klines/kline';
import type { MarkPriceUpdate } from './binance-types';

/** The minimal WebSocket the live feed needs (the browser's, Node 22's, or the `ws` package's). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}

/** A WebSocket constructor: `new (url) => socket`. */
export type WebSocketFactory = new (url: string) => WebSocketLike;

/** Status changes of the live feed, for a status line or a log. */
export type LiveFeedStatus =
  | { state: 'connecting'; attempt: number; url: string }
  | { state: 'open'; url: string }
  | { state: 'resyncing'; from: number; to: number }
  | { state: 'reconnecting'; inMs: number; attempt: number; reason: string }
  | { state: 'renewing' }
  | { state: 'stopped' }
  | { state: 'error'; error: Error };

/** Options of the live feed. */
export interface LiveFeedOptions {
  symbol: string;
  interval: string;
  /** Default `wss://fstream.binance.com`; the feed appends `/market/stream?streams=...`. */
  wsBaseUrl?: string;
  /** The WebSocket implementation. Default `globalThis.WebSocket`. */
  WebSocket?: WebSocketFactory;
  /**
   * Fetches closed and forming klines with open time in `[startTime, endTime]` (REST), used after every
   * (re)connect so no bar is lost; usually `BinanceRestClient.klinesRange`.
   */
  fetchKlines: (startTime: number, endTime: number, signal: AbortSignal) => Promise<Kline[]>;
  /** Every kline to apply, in order, never a duplicate of a closed bar or older than the last one. */
  onKline: (kline: Kline) => void;
  onMarkPrice?: (update: MarkPriceUpdate) => void;
  onStatus?: (status: LiveFeedStatus) => void;
  /** Open time of the last bar the caller already has (so the first resync starts after it). */
  since?: number;
  /** Reconnect pacing. Default base 500 ms, max 30 s. */
  backoff?: { baseMs: number; maxMs: number; random?: () => number };
  /** Renew the connection after this long (Binance closes at 24 h). Default 23 h. */
  renewAfterMs?: number;
  /** Treat the connection as dead after this long without a message. Default 60 s. */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
}
