// Types of fake-binance.mjs (plain Node ESM, also run alone and by the demo-load benchmark) for the TypeScript tests.

/** Options of {@link startFakeBinance}. */
export interface FakeBinanceOptions {
  /** Wait before every REST answer, like a network round trip. Default 30 ms. */
  delayMs?: number;
  /** Period of the websocket's kline and mark-price events. Default 250 ms. */
  tickMs?: number;
  /** Port on 127.0.0.1. Default 0 (any free port). */
  port?: number;
  /** The clock the bars follow: moving it past a bar's end closes that bar. Default `Date.now`. */
  now?: () => number;
  /** A Binance klines CSV whose bars are served (moved in time to end now) instead of a random walk. */
  recorded?: string;
}

/** One `/fapi/v1/klines` request the stand-in answered. */
export interface FakeKlinesRequest {
  interval: string;
  startTime: number | undefined;
  endTime: number | undefined;
  limit: number;
  /** Rows sent back. */
  rows: number;
}

/** Requests counted since the last reset. */
export interface FakeBinanceStats {
  /** Requests per path. */
  counts: Record<string, number>;
  /** `/fapi/v1/klines` requests. */
  klinePages: number;
  klines: FakeKlinesRequest[];
}

/** A running {@link startFakeBinance}. */
export interface FakeBinance {
  /** REST origin (what `BINANCE_REST_URL` takes). */
  url: string;
  /** Base URL of the websocket stand-in (what `BINANCE_WS_URL` takes). */
  wsUrl: string;
  /** Path and query of every accepted websocket connection since the last reset. */
  streams(): string[];
  /** Generates (and caches) the bars of these intervals now, so the first request is not slower than the rest. */
  warm(intervals: readonly string[]): void;
  /** Cuts every websocket connection, as a network drop would. */
  dropSockets(): void;
  stats(): FakeBinanceStats;
  reset(): void;
  close(): Promise<void>;
}

/** Starts a loopback stand-in for Binance USDⓈ-M REST and its combined kline/mark-price stream. */
export function startFakeBinance(options?: FakeBinanceOptions): Promise<FakeBinance>;

/** How far back the stand-in has bars (ms). */
export declare const HISTORY_MS: number;
