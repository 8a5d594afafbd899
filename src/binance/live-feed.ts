import type { Kline } from '../klines/kline';
import { backoffDelay, type BackoffOptions } from './backoff';
import type { MarkPriceUpdate } from './binance-types';
import { LiveBarOrder } from './live-bar-order';
import type { LiveClock } from './live-clock';
import { LiveConnection, type LiveConnectionHandlers } from './live-connection';
import type { LiveFeedOptions, LiveFeedStatus, WebSocketFactory } from './live-feed-types';
import { parseLiveMessage } from './live-message';
import { liveFeedSettings } from './live-feed-settings';
import { liveStreamNames, liveStreamUrl, type LiveStreamNames } from './live-stream-url';


/**
 * Live klines and mark price of one Binance USDⓈ-M symbol and interval, over the combined stream
 * `wss://fstream.binance.com/market/stream?streams=<symbol>@kline_<interval>/<symbol>@markPrice@1s`,
 * kept gap-free with REST.
 *
 * Guarantees to `onKline`: open times never decrease, no bar is delivered as closed twice, and no bar
 * is lost: after every (re)connect, and whenever a newer bar arrives while the previous one never
 * closed, the missed range is fetched with `fetchKlines` and delivered (in order, before any live
 * message received meanwhile). Every kline carries `closed`: `true` once final, `false` while forming
 * (ticks of the forming bar repeat its open time; apply them as updates of the last bar).
 *
 * Resilience: any close, error, or `idleTimeoutMs` of silence triggers a reconnect after
 * {@link backoffDelay} (full jitter; a REST failure's `retryAfterMs` is honoured); a `fetchKlines`
 * failure reports an `error` status and retries through the same paced reconnect. The delay grows with
 * every reconnect and starts again from its base only once a connection has stayed up and in sync for
 * `healthyAfterMs` (a server that accepts and drops at once does not get a reconnect, and a REST call,
 * every half second). The connection is
 * renewed after `renewAfterMs` (Binance ends connections at 24 h): a fresh socket is opened, takes over
 * when it opens (with a resync), and the old one is closed.
 *
 * ```ts
 * const feed = new BinanceLiveFeed({
 *   symbol: 'BTCUSDT', interval: '1m', since: lastBar.openTime, WebSocket,
 *   fetchKlines: (startTime, endTime, signal) =>
 *     rest.klinesRange({ symbol: 'BTCUSDT', interval: '1m', startTime, endTime, signal }).then((r) => r.klines),
 *   onKline: (k) => heatmap.update(k),
 *   onStatus: (s) => console.log(s.state),
 * });
 * feed.start();
 * // later
 * feed.stop();
 * ```
 */
export class BinanceLiveFeed {
  /** The websocket URL the feed connects to. */
  readonly url: string;
  private readonly names: LiveStreamNames;
  private readonly WebSocket: WebSocketFactory;
  private readonly order: LiveBarOrder;
  private readonly backoff: BackoffOptions;
  private readonly renewAfterMs: number;
  private readonly idleTimeoutMs: number;
  private readonly healthyAfterMs: number;
  private readonly clock: LiveClock;
  private current: LiveConnection | undefined;
  /** The fresh connection opened to renew the current one, until it opens. */
  private pending: LiveConnection | undefined;
  private failures = 0;
  private renewFailures = 0;
  private lastMarkTime = -Infinity;
  private started = false;
  private stopped = false;
  private reconnectTimer: unknown;
  private idleTimer: unknown;
  private renewTimer: unknown;
  private healthyTimer: unknown;
  private readonly onAbort = (): void => this.stop();
  private readonly handlers: LiveConnectionHandlers = {
    open: (connection) => this.handleOpen(connection),
    message: (connection, data) => this.handleMessage(connection, data),
    down: (connection, reason) => this.handleDown(connection, reason),
  };

  /**
   * Validates the options; nothing connects before {@link start}.
   * @throws RangeError for an option that is not one of {@link LiveFeedOptions}, an empty symbol, an unknown
   *   interval, a base URL that is not `ws:`/`wss:` or a `healthyAfterMs` that is negative or not finite.
   * @throws Error when no WebSocket implementation is given and `globalThis.WebSocket` is absent (Node before 22).
   */
  constructor(private readonly options: LiveFeedOptions) {
    const settings = liveFeedSettings(options);
    this.WebSocket = settings.WebSocket;
    this.names = liveStreamNames(options.symbol, options.interval);
    this.url = liveStreamUrl(options.symbol, options.interval, settings.wsBaseUrl);
    this.order = new LiveBarOrder(settings.intervalMs, options.since);
    this.backoff = settings.backoff;
    this.renewAfterMs = settings.renewAfterMs;
    this.idleTimeoutMs = settings.idleTimeoutMs;
    this.healthyAfterMs = settings.healthyAfterMs;
    this.clock = settings.clock;
  }

  /** True between {@link start} and {@link stop}. */
  get running(): boolean {
    return this.started && !this.stopped;
  }

  /**
   * Connects (once; further calls do nothing). Stops at once when `options.signal` is already aborted.
   * @throws Error when the feed was stopped: a stopped feed cannot restart, create a new one.
   */
  start(): void {
    if (this.stopped) throw new Error('BinanceLiveFeed: a stopped feed cannot be restarted; create a new one');
    if (this.started) return;
    this.started = true;
    const signal = this.options.signal;
    if (signal?.aborted) {
      this.stop();
      return;
    }
    signal?.addEventListener('abort', this.onAbort, { once: true });
    this.connect();
  }

  /**
   * Closes the sockets, cancels timers and pending `fetchKlines` calls (their signal aborts) and reports
   * the `stopped` status; no callback fires after this returns. Also called when `options.signal` aborts.
   */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.clearTimers();
    this.clock.clearTimeout(this.reconnectTimer);
    this.current?.close('stopped');
    this.pending?.close('stopped');
    this.current = this.pending = undefined;
    try {
      this.options.onStatus?.({ state: 'stopped' });
    } catch {
      // a status listener's failure must not break stop()
    }
  }

  private connect(): void {
    this.reconnectTimer = undefined;
    if (this.stopped) return;
    this.status({ state: 'connecting', attempt: this.failures, url: this.url });
    if (this.stopped) return; // a status listener may stop the feed
    let connection: LiveConnection;
    try {
      connection = new LiveConnection(this.WebSocket, this.url, this.handlers);
    } catch (error) {
      this.status({ state: 'error', error: asError(error) });
      this.scheduleReconnect(`cannot open the websocket: ${asError(error).message}`);
      return;
    }
    this.current = connection;
    this.armIdle(connection);
  }

  private handleOpen(connection: LiveConnection): void {
    if (this.stopped) return;
    if (connection === this.pending) {
      const old = this.current;
      this.current = connection;
      this.pending = undefined;
      this.renewFailures = 0;
      old?.close('renewed');
    } else if (connection !== this.current) {
      return;
    }
    this.status({ state: 'open', url: connection.url });
    if (this.stopped) return;
    this.armIdle(connection);
    this.armRenew(this.renewAfterMs);
    this.resync(connection)
      .then((ok) => {
        if (!ok) return;
        this.armHealthy(connection);
        connection.busy = false;
        this.drain(connection);
      })
      .catch((error: unknown) => this.status({ state: 'error', error: asError(error) }));
  }

  private handleMessage(connection: LiveConnection, data: unknown): void {
    if (this.stopped || connection !== this.current) return;
    this.armIdle(connection);
    let message;
    try {
      message = parseLiveMessage(data, this.names);
    } catch (error) {
      this.status({ state: 'error', error: asError(error) });
      return;
    }
    if (message.kind === 'kline') {
      this.order.noteLive(message.kline.openTime);
      connection.queue.push({ kline: message.kline, eventTime: message.eventTime });
      if (!connection.busy) this.drain(connection);
    } else if (message.kind === 'markPrice') {
      this.markPrice(message.update);
    }
  }

  private handleDown(connection: LiveConnection, reason: string): void {
    if (this.stopped) return;
    if (connection === this.pending) {
      this.pending = undefined;
      this.armRenew(backoffDelay(this.renewFailures++, this.backoff));
      return;
    }
    if (connection !== this.current) return;
    this.current = undefined;
    this.scheduleReconnect(reason);
  }

  /** Applies the waiting live klines in order until one needs a REST resync first. */
  private drain(connection: LiveConnection): void {
    while (!connection.busy && !this.stopped && connection === this.current) {
      const next = connection.queue.shift();
      if (next === undefined) break;
      const { kline, eventTime } = next;
      const verdict = this.order.judge(kline, eventTime);
      if (verdict === 'deliver') {
        this.order.applyLive(kline, eventTime);
        this.deliver(kline);
      } else if (verdict === 'gap') {
        connection.busy = true;
        this.resync(connection)
          .then((ok) => {
            if (!ok) return;
            connection.busy = false;
            if (this.order.judge(kline, eventTime, true) === 'deliver') {
              this.order.applyLive(kline, eventTime);
              this.deliver(kline);
            }
            this.drain(connection);
          })
          .catch((error: unknown) => this.status({ state: 'error', error: asError(error) }));
        return;
      }
    }
  }

  /**
   * Fetches the bars from the forming (else last closed) bar up to now and delivers what is new.
   * Resolves false when the connection ended meanwhile or the fetch failed (a reconnect is then scheduled).
   */
  private async resync(connection: LiveConnection): Promise<boolean> {
    const from = this.order.resumeFrom();
    if (from === undefined) return true; // nothing known yet: the live stream is the start
    const to = this.clock.now();
    this.status({ state: 'resyncing', from, to });
    if (this.stopped) return false;
    const timeout = new AbortController();
    const onEnd = () => timeout.abort(connection.signal.reason);
    connection.signal.addEventListener('abort', onEnd, { once: true });
    const timer = this.clock.setTimeout(
      () => timeout.abort(new Error(`resync timed out after ${this.idleTimeoutMs} ms`)),
      this.idleTimeoutMs,
    );
    let bars: Kline[];
    try {
      bars = await this.options.fetchKlines(from, to, timeout.signal);
      if (!Array.isArray(bars) || !bars.every(hasOpenTime)) {
        throw new TypeError('fetchKlines did not resolve to an array of klines');
      }
    } catch (error) {
      if (this.stopped || connection !== this.current) return false;
      const err = asError(error);
      this.status({ state: 'error', error: err });
      this.scheduleReconnect(`resync failed: ${err.message}`, retryAfterMs(error));
      return false;
    } finally {
      this.clock.clearTimeout(timer);
      connection.signal.removeEventListener('abort', onEnd);
    }
    if (this.stopped || connection !== this.current) return false;
    for (const kline of this.order.applyRest(bars)) this.deliver(kline);
    return !this.stopped && connection === this.current;
  }

  private scheduleReconnect(reason: string, minDelayMs = 0): void {
    if (this.stopped) return;
    this.clearTimers();
    this.current?.close(reason);
    this.pending?.close(reason);
    this.current = this.pending = undefined;
    const inMs = Math.round(Math.max(backoffDelay(this.failures, this.backoff), minDelayMs));
    this.failures++;
    this.status({ state: 'reconnecting', inMs, attempt: this.failures, reason });
    if (this.stopped) return; // a status listener may stop the feed
    this.clock.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = this.clock.setTimeout(() => this.connect(), inMs);
  }

  private renew(): void {
    this.renewTimer = undefined;
    if (this.stopped || this.current === undefined) return;
    if (this.pending !== undefined) {
      // The fresh connection did not open within idleTimeoutMs: drop it, keep the current one, retry later.
      this.pending.close('renewal timed out');
      this.pending = undefined;
      this.armRenew(backoffDelay(this.renewFailures++, this.backoff));
      return;
    }
    this.status({ state: 'renewing' });
    if (this.stopped) return;
    try {
      this.pending = new LiveConnection(this.WebSocket, this.url, this.handlers);
      this.armRenew(this.idleTimeoutMs);
    } catch (error) {
      this.status({ state: 'error', error: asError(error) });
      this.armRenew(backoffDelay(this.renewFailures++, this.backoff));
    }
  }

  private armIdle(connection: LiveConnection): void {
    this.clock.clearTimeout(this.idleTimer);
    this.idleTimer = this.clock.setTimeout(() => {
      this.idleTimer = undefined;
      if (connection === this.current) this.scheduleReconnect(`no message for ${this.idleTimeoutMs} ms`);
    }, this.idleTimeoutMs);
  }

  private armRenew(delayMs: number): void {
    this.clock.clearTimeout(this.renewTimer);
    this.renewTimer = this.clock.setTimeout(() => this.renew(), delayMs);
  }

  /** Forgets the failures once `connection` has stayed up and in sync for `healthyAfterMs`. */
  private armHealthy(connection: LiveConnection): void {
    this.clock.clearTimeout(this.healthyTimer);
    this.healthyTimer = this.clock.setTimeout(() => {
      this.healthyTimer = undefined;
      if (connection === this.current) this.failures = 0;
    }, this.healthyAfterMs);
  }

  private clearTimers(): void {
    this.clock.clearTimeout(this.idleTimer);
    this.clock.clearTimeout(this.renewTimer);
    this.clock.clearTimeout(this.healthyTimer);
    this.idleTimer = this.renewTimer = this.healthyTimer = undefined;
  }

  private markPrice(update: MarkPriceUpdate): void {
    if (!(update.time > this.lastMarkTime)) return; // stale or repeated
    this.lastMarkTime = update.time;
    if (this.options.onMarkPrice === undefined) return;
    try {
      this.options.onMarkPrice(update);
    } catch (error) {
      this.status({ state: 'error', error: asError(error) });
    }
  }

  private deliver(kline: Kline): void {
    if (this.stopped) return;
    try {
      this.options.onKline(kline);
    } catch (error) {
      this.status({ state: 'error', error: asError(error) });
    }
  }

  private status(status: LiveFeedStatus): void {
    if (this.stopped) return;
    try {
      this.options.onStatus?.(status);
    } catch {
      // a failing status listener must not break the feed
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function hasOpenTime(value: unknown): value is Kline {
  const openTime = (value as { openTime?: unknown } | null)?.openTime;
  return typeof openTime === 'number' && Number.isFinite(openTime);
}

function retryAfterMs(error: unknown): number {
  const ms = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : 0;
}
