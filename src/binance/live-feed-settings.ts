import { intervalToMs } from '../klines/interval';
import { checkKnownOptions } from '../options/known-options';
import type { BackoffOptions } from './backoff';
import { SYSTEM_CLOCK, type LiveClock } from './live-clock';
import type { LiveFeedOptions, WebSocketFactory } from './live-feed-types';
import { DEFAULT_WS_BASE_URL } from './live-stream-url';

const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };
const DEFAULT_RENEW_AFTER_MS = 23 * 3_600_000;
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
const DEFAULT_HEALTHY_AFTER_MS = 60_000;
/** Every option name of {@link LiveFeedOptions}: the feed refuses any other. */
const LIVE_FEED_OPTION_NAMES: readonly (keyof LiveFeedOptions)[] = [
  'symbol',
  'interval',
  'wsBaseUrl',
  'WebSocket',
  'fetchKlines',
  'onKline',
  'onMarkPrice',
  'onStatus',
  'since',
  'backoff',
  'healthyAfterMs',
  'clock',
  'renewAfterMs',
  'idleTimeoutMs',
  'signal',
];

/** A live feed's options checked, with the defaults filled in. */
export interface LiveFeedSettings {
  intervalMs: number;
  wsBaseUrl: string;
  WebSocket: WebSocketFactory;
  backoff: BackoffOptions;
  renewAfterMs: number;
  idleTimeoutMs: number;
  healthyAfterMs: number;
  clock: LiveClock;
}

/**
 * Checks a live feed's options and fills in the defaults.
 * @throws RangeError for an option that is not one of {@link LiveFeedOptions}, an empty symbol, an unknown
 *   interval, a base URL that is not `ws:`/`wss:` or a `healthyAfterMs` that is negative or not finite.
 * @throws Error when no WebSocket implementation is given and `globalThis.WebSocket` is absent (Node before 22).
 */
export function liveFeedSettings(options: LiveFeedOptions): LiveFeedSettings {
  checkKnownOptions(options, LIVE_FEED_OPTION_NAMES, 'BinanceLiveFeed options');
  if (typeof options.symbol !== 'string' || options.symbol.trim() === '') {
    throw new RangeError('BinanceLiveFeed: symbol is required (e.g. "BTCUSDT")');
  }
  const intervalMs = intervalToMs(options.interval);
  const wsBaseUrl = options.wsBaseUrl ?? DEFAULT_WS_BASE_URL;
  if (!/^wss?:\/\/[^/]/i.test(wsBaseUrl)) {
    throw new RangeError(`BinanceLiveFeed: wsBaseUrl must start with ws:// or wss:// (got "${wsBaseUrl}")`);
  }
  const WebSocket = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketFactory }).WebSocket;
  if (WebSocket === undefined) {
    throw new Error('BinanceLiveFeed: no WebSocket implementation; pass options.WebSocket (e.g. the "ws" package)');
  }
  const healthyAfterMs = options.healthyAfterMs ?? DEFAULT_HEALTHY_AFTER_MS;
  if (!(healthyAfterMs >= 0 && healthyAfterMs < Infinity)) {
    throw new RangeError(`BinanceLiveFeed: healthyAfterMs must be a finite number >= 0 (got ${healthyAfterMs})`);
  }
  return {
    intervalMs,
    wsBaseUrl,
    WebSocket,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    renewAfterMs: options.renewAfterMs ?? DEFAULT_RENEW_AFTER_MS,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    healthyAfterMs,
    clock: options.clock ?? SYSTEM_CLOCK,
  };
}
