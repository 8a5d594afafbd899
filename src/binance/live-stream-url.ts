/** Default base of the Binance USDⓈ-M futures websocket. */
export const DEFAULT_WS_BASE_URL = 'wss://fstream.binance.com';

/** The two combined-stream names the live feed subscribes to, e.g. `btcusdt@kline_1m` and `btcusdt@markPrice@1s`. */
export interface LiveStreamNames {
  kline: string;
  markPrice: string;
}

/** Stream names for a symbol and interval (symbols are lowercased, the interval is kept as is: `1M` is a month). */
export function liveStreamNames(symbol: string, interval: string): LiveStreamNames {
  const s = symbol.trim().toLowerCase();
  return { kline: `${s}@kline_${interval}`, markPrice: `${s}@markPrice@1s` };
}

/**
 * The combined-stream URL of the live feed:
 * `${base}/market/stream?streams=<symbol>@kline_<interval>/<symbol>@markPrice@1s`.
 * The `/market` path matters: since 2026-04 the old `/ws` and `/stream` paths accept the connection and
 * then send no klines.
 */
export function liveStreamUrl(symbol: string, interval: string, wsBaseUrl: string = DEFAULT_WS_BASE_URL): string {
  const names = liveStreamNames(symbol, interval);
  return `${wsBaseUrl.replace(/\/+$/, '')}/market/stream?streams=${names.kline}/${names.markPrice}`;
}
