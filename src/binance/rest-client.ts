import type { Kline } from '../klines/kline';
import { intervalToMs, parseDuration } from '../klines/interval';
import type { OpenInterestPoint } from '../model/open-interest';
import { BinanceError } from './binance-error';
import type { OpenInterestNow, PremiumIndex, SymbolInfo, Ticker24h } from './binance-types';
import { collectKlineRange, KLINES_PAGE_LIMIT, type KlineRange } from './rest-kline-range';
import { resolveRestOptions, type BinanceRestOptions, type RequestOptions, type ResolvedRestOptions } from './rest-options';
import {
  parseExchangeSymbols,
  parseOpenInterest,
  parseOpenInterestHist,
  parsePremiumIndex,
  parseTicker24h,
} from './rest-parse-context';
import { parseKlineRows } from './rest-parse-klines';
import type { KlinesLookbackRequest, KlinesRangeRequest, KlinesRequest, OpenInterestHistRequest } from './rest-requests';
import { RestTransport } from './rest-transport';
import { restUrl } from './rest-url';
import { checkInterval, checkLimit, checkPeriod, checkSymbol, checkTimes } from './rest-validate';
import { klinesWeight } from './rest-weight';

const EXCHANGE_INFO_TTL_MS = 5 * 60_000;

/**
 * Binance USDⓈ-M futures market data over REST: klines (paged for long lookbacks), symbol facts,
 * mark price and funding, open interest, 24h ticker. Header-free GETs (no CORS preflight), so it
 * runs in browsers as well as Node.
 *
 * Follows Binance's limits: keeps each minute's request weight under 2400 (waiting for the next
 * minute rather than passing it), honours `Retry-After` on 429, stops at once on 418 (IP banned)
 * and 451 (restricted location), retries 5xx and network errors with backoff and jitter. Every
 * method takes an `AbortSignal`. Failures are {@link BinanceError}s; bad arguments reject
 * with a `RangeError` before any request.
 *
 * @example
 * ```ts
 * const client = new BinanceRestClient();
 * const { klines, gaps } = await client.klinesLookback({ symbol: 'BTCUSDT', interval: '1h', lookback: '30d' });
 * ```
 */
export class BinanceRestClient {
  private readonly options: ResolvedRestOptions;
  private readonly transport: RestTransport;
  private exchangeInfoCache: { at: number; symbols: Map<string, SymbolInfo> } | undefined;

  constructor(options: BinanceRestOptions = {}) {
    this.options = resolveRestOptions(options);
    this.transport = new RestTransport(this.options);
  }

  /** The latest `X-MBX-USED-WEIGHT-1M` Binance reported, or `undefined` before any response carried it. */
  get usedWeight(): number | undefined {
    return this.transport.usedWeight;
  }

  /**
   * `GET /fapi/v1/klines`: up to `limit` (default 500, max 1500) bars oldest first. With `startTime`
   * the first bars from it, otherwise the latest ones (up to `endTime`). The last may still be forming.
   * @throws RangeError for a bad symbol, interval, limit or time, before any request.
   * @throws BinanceError when the request fails.
   */
  async klines(request: KlinesRequest): Promise<Kline[]> {
    const symbol = checkSymbol(request.symbol);
    const interval = checkInterval(request.interval);
    const limit = checkLimit(request.limit, 500, KLINES_PAGE_LIMIT);
    checkTimes(request.startTime, request.endTime);
    return this.transport.get({
      path: '/fapi/v1/klines',
      params: { symbol, interval, startTime: request.startTime, endTime: request.endTime, limit },
      weight: klinesWeight(limit),
      parse: parseKlineRows,
      signal: request.signal,
    });
  }

  /**
   * Every bar with open time in `[startTime, endTime]` (open `endTime`: up to the forming bar),
   * paged 1500 at a time by `startTime`, each open time once, oldest first; gaps are reported, not
   * errors. `onProgress` is called after each page.
   * @throws RangeError for bad arguments, before any request.
   * @throws BinanceError when a page fails (bars fetched so far are dropped).
   */
  async klinesRange(request: KlinesRangeRequest): Promise<KlineRange> {
    const symbol = checkSymbol(request.symbol);
    const interval = checkInterval(request.interval);
    if (request.startTime === undefined) throw new RangeError('klinesRange needs a startTime (epoch ms)');
    checkTimes(request.startTime, request.endTime);
    const { signal } = request;
    return collectKlineRange(
      (startTime, endTime, limit) => this.klines({ symbol, interval, startTime, endTime, limit, signal }),
      {
        startTime: request.startTime,
        endTime: request.endTime,
        intervalMs: intervalToMs(interval),
        now: this.options.now(),
        onProgress: request.onProgress,
      },
    );
  }

  /**
   * The bars of the last `lookback` (`'12h'`, `'7d'`, `'6M'`, or ms) up to `now`: {@link klinesRange}
   * from `now - lookback`.
   * @throws RangeError for a bad lookback, symbol or interval, before any request.
   */
  async klinesLookback(request: KlinesLookbackRequest): Promise<KlineRange> {
    const { lookback } = request;
    const ms = typeof lookback === 'number' ? lookback : parseDuration(String(lookback));
    if (!(ms > 0 && Number.isFinite(ms))) {
      const got = JSON.stringify(lookback);
      throw new RangeError(`invalid lookback ${got}: expected e.g. '12h', '7d', '6M' or a positive number of ms`);
    }
    const now = request.now ?? this.options.now();
    return this.klinesRange({
      symbol: request.symbol,
      interval: request.interval,
      startTime: Math.max(0, Math.floor(now - ms)),
      endTime: Math.floor(now),
      onProgress: request.onProgress,
      signal: request.signal,
    });
  }

  /**
   * The symbol's facts from `GET /fapi/v1/exchangeInfo` (tick size from `PRICE_FILTER`). The whole
   * listing is cached for five minutes, since it is large and rarely changes.
   * @throws BinanceError `binance` with code -1121 when the symbol is not listed.
   */
  async exchangeInfo(symbol: string, options: RequestOptions = {}): Promise<SymbolInfo> {
    checkSymbol(symbol);
    const now = this.options.now();
    let cache = this.exchangeInfoCache;
    if (cache === undefined || now - cache.at > EXCHANGE_INFO_TTL_MS) {
      const symbols = await this.transport.get({
        path: '/fapi/v1/exchangeInfo',
        weight: 1,
        parse: parseExchangeSymbols,
        signal: options.signal,
      });
      cache = this.exchangeInfoCache = { at: now, symbols };
    }
    const info = cache.symbols.get(symbol);
    if (info === undefined) {
      const url = restUrl(this.options.baseUrl, '/fapi/v1/exchangeInfo');
      const detail = `Invalid symbol: ${symbol} is not among the ${cache.symbols.size} symbols listed`;
      throw new BinanceError('binance', url, detail, undefined, -1121);
    }
    return info;
  }

  /** Mark price, index price and funding from `GET /fapi/v1/premiumIndex`. */
  async premiumIndex(symbol: string, options: RequestOptions = {}): Promise<PremiumIndex> {
    return this.transport.get({
      path: '/fapi/v1/premiumIndex',
      params: { symbol: checkSymbol(symbol) },
      weight: 1,
      parse: parsePremiumIndex,
      signal: options.signal,
    });
  }

  /** Current open interest (contracts) from `GET /fapi/v1/openInterest`. */
  async openInterest(symbol: string, options: RequestOptions = {}): Promise<OpenInterestNow> {
    return this.transport.get({
      path: '/fapi/v1/openInterest',
      params: { symbol: checkSymbol(symbol) },
      weight: 1,
      parse: parseOpenInterest,
      signal: options.signal,
    });
  }

  /**
   * Open-interest history from `GET /futures/data/openInterestHist`, oldest first, ready for
   * `model.setOpenInterest`. At most 500 rows; Binance keeps only about the last 30 days.
   * @throws RangeError for a bad symbol, period, limit or time, before any request.
   */
  async openInterestHist(request: OpenInterestHistRequest): Promise<OpenInterestPoint[]> {
    const symbol = checkSymbol(request.symbol);
    const period = checkPeriod(request.period);
    const limit = checkLimit(request.limit, 30, 500);
    checkTimes(request.startTime, request.endTime);
    return this.transport.get({
      path: '/futures/data/openInterestHist',
      params: { symbol, period, limit, startTime: request.startTime, endTime: request.endTime },
      // `/futures/data` has its own limit (1000 requests per 5 minutes per IP), not the minute's weight.
      weight: 0,
      parse: parseOpenInterestHist,
      signal: request.signal,
    });
  }

  /** Last price, 24h change, high, low and quote volume from `GET /fapi/v1/ticker/24hr`. */
  async ticker24h(symbol: string, options: RequestOptions = {}): Promise<Ticker24h> {
    return this.transport.get({
      path: '/fapi/v1/ticker/24hr',
      params: { symbol: checkSymbol(symbol) },
      weight: 1,
      parse: parseTicker24h,
      signal: options.signal,
    });
  }
}
