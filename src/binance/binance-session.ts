import type { BinanceSessionOptions, SessionHistory, SessionLiveHandlers } from './binance-session-options';
import { BinanceLiveFeed } from './live-feed';
import { BinanceRestClient } from './rest-client';
import type { KlineRange } from './rest-kline-range';
import { checkSessionOptions, lookbackMs } from './session-options-check';
import { fetchOpenInterest, openInterestPeriod } from './session-open-interest';

const DEFAULT_LOOKBACK = '7d';

/**
 * One Binance USDⓈ-M market, start to finish: {@link loadHistory} pages the history in (a lookback or
 * from a start time) while asking for open-interest history at the same time, then {@link startLive}
 * follows the kline stream from the last loaded bar with {@link BinanceLiveFeed} (gap-free across
 * reconnects). {@link stop}, or the `signal` option, cancels whichever is running. Headless: works in
 * browsers, workers and Node (pass `WebSocket` from the `ws` package on Node 20).
 *
 * ```ts
 * const session = new BinanceSession({ symbol: 'BTCUSDT', interval: '15m', lookback: '3d' });
 * const { klines, openInterest, warnings } = await session.loadHistory();
 * heatmap.setData(klines, { openInterest });
 * session.startLive({ onKline: (k) => heatmap.update(k), onStatus: (s) => console.log(s.state) });
 * // later
 * session.stop();
 * ```
 */
export class BinanceSession {
  /** The REST client the session uses; also for other market data (ticker, premium index, ...). */
  readonly rest: BinanceRestClient;
  private readonly controller = new AbortController();
  private lastOpenTime: number | undefined;
  private feed: BinanceLiveFeed | undefined;

  /**
   * Nothing is requested before {@link loadHistory} or {@link startLive}.
   * @throws RangeError naming a bad or unknown option (symbol, interval, lookback, ...), before any request.
   */
  constructor(private readonly options: BinanceSessionOptions) {
    checkSessionOptions(options, 'BinanceSession options');
    this.rest = new BinanceRestClient({ baseUrl: options.restBaseUrl, fetch: options.fetch, retries: options.retries });
    const outer = options.signal;
    if (outer?.aborted) this.stop(outer.reason);
    else outer?.addEventListener('abort', () => this.stop(outer.reason), { once: true });
  }

  /** Aborts when the session stops (by {@link stop} or the `signal` option). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * Fetches the history (paged, `onProgress` after each page) and, at the same time, the
   * open-interest history. The live feed later resumes from the last bar loaded here.
   * (A bad symbol, interval, lookback or start time was refused by the constructor, before any request.)
   * @throws BinanceError when the klines cannot be fetched, or `aborted` when the session stopped.
   */
  async loadHistory(): Promise<SessionHistory> {
    const { symbol, interval, onProgress } = this.options;
    const signal = this.signal;
    const period = openInterestPeriod(this.options.openInterest ?? true, interval);
    const openInterest = period === undefined ? undefined : fetchOpenInterest(this.rest, symbol, period, signal);
    // Rejections of `openInterest` are awaited below; keep one unobserved meanwhile from being reported as unhandled.
    openInterest?.catch(() => undefined);
    const warmup = this.options.warmupMs ?? 0;
    if (!(warmup >= 0 && Number.isFinite(warmup))) throw new RangeError(`BinanceSession warmupMs: must be a number of ms >= 0, got ${String(warmup)}`);
    const viewStart = this.options.startTime ?? Date.now() - lookbackMs(this.options.lookback ?? DEFAULT_LOOKBACK);
    const range: KlineRange =
      this.options.startTime === undefined
        ? await this.rest.klinesLookback({ symbol, interval, lookback: lookbackMs(this.options.lookback ?? DEFAULT_LOOKBACK) + warmup, onProgress, signal })
        : await this.rest.klinesRange({ symbol, interval, startTime: Math.max(0, this.options.startTime - warmup), onProgress, signal });
    const { points, warning } = (await openInterest) ?? {};
    if (signal.aborted) throw signal.reason;
    const warnings: string[] = [];
    if (warning !== undefined) warnings.push(warning);
    if (range.gaps.length) warnings.push(`${range.gaps.length} gap(s) in Binance's klines (reported, not filled)`);
    if (range.klines.length) this.lastOpenTime = range.klines[range.klines.length - 1].openTime;
    return { klines: range.klines, viewStart, gaps: range.gaps, openInterest: points?.length ? points : undefined, warnings };
  }

  /**
   * Connects the live feed: the first resync re-fetches from the last bar {@link loadHistory} loaded
   * (so a bar still forming then arrives final), then every tick and closed bar follows in order.
   * @throws Error when the live feed was already started, or no WebSocket implementation is available.
   */
  startLive(handlers: SessionLiveHandlers): BinanceLiveFeed {
    if (this.feed !== undefined) throw new Error(`BinanceSession ${this.options.symbol} ${this.options.interval}: the live feed is already started`);
    const { symbol, interval } = this.options;
    this.feed = new BinanceLiveFeed({
      symbol,
      interval,
      wsBaseUrl: this.options.wsBaseUrl,
      WebSocket: this.options.WebSocket,
      since: this.lastOpenTime,
      fetchKlines: (startTime, endTime, signal) =>
        this.rest.klinesRange({ symbol, interval, startTime, endTime, signal }).then((r) => r.klines),
      onKline: handlers.onKline,
      onMarkPrice: handlers.onMarkPrice,
      onStatus: handlers.onStatus,
      signal: this.signal,
    });
    this.feed.start();
    return this.feed;
  }

  /** Cancels a history load in progress and stops the live feed; the session cannot restart. */
  stop(reason: unknown = new Error('BinanceSession stopped')): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }
}
