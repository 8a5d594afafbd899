import type { Kline } from '../klines/kline';
import type { MarkPriceUpdate } from './binance-types';
import type { LiveClock } from './live-clock';

/**
 * An event-handler property. Declared through a method so its parameter is checked bivariantly: the
 * DOM's `(ev: MessageEvent) => any` and the `ws` package's handlers are assignable without casts.
 */
export type WebSocketHandler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The minimal WebSocket the live feed needs (the browser's, Node 22's, or the `ws` package's). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: WebSocketHandler<unknown> | null;
  onmessage: WebSocketHandler<{ data: unknown }> | null;
  onclose: WebSocketHandler<{ code?: number; reason?: string }> | null;
  onerror: WebSocketHandler<unknown> | null;
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
  /**
   * Open time of the last bar the caller already has: the first resync fetches from it, so that bar is
   * delivered once more (its final values if it was still forming when the caller got it), then every
   * bar after it. Without it the feed starts with the first live message and resyncs only after a
   * reconnect or a missed close.
   */
  since?: number;
  /**
   * Reconnect pacing. Default base 500 ms, max 30 s. The delay keeps growing over reconnects until a
   * connection has stayed up and in sync for `healthyAfterMs`, so a server that accepts and drops at once
   * is not hammered.
   */
  backoff?: { baseMs: number; maxMs: number; random?: () => number };
  /** How long a (re)connection must stay up, after its resync, before the backoff starts again from its base. Default 60 s. */
  healthyAfterMs?: number;
  /** Time and timers. Default the real ones (`Date.now`, `setTimeout`); tests inject a fake clock. */
  clock?: LiveClock;
  /** Renew the connection after this long (Binance closes at 24 h). Default 23 h. */
  renewAfterMs?: number;
  /** Treat the connection as dead after this long without a message. Default 60 s. */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
}
