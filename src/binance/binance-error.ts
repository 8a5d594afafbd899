/** What went wrong talking to Binance, as a machine-readable class. */
export type BinanceErrorKind =
  /** HTTP 429: too many requests; retried after `Retry-After` up to the retry budget. */
  | 'rate-limited'
  /** HTTP 418: the IP is banned for a while (minutes to days); never retried before `Retry-After`. */
  | 'banned'
  /** HTTP 451: Binance refuses service from this location. */
  | 'restricted'
  /** A Binance error body `{"code": -1121, "msg": "Invalid symbol."}` (any status). */
  | 'binance'
  /** Any other non-2xx status without a Binance error body. */
  | 'http'
  /** The body is not the JSON expected (malformed, truncated, wrong shape). */
  | 'malformed'
  /** The request never got an answer: DNS, refused, reset, offline; in a browser also CORS or blocked. */
  | 'network'
  /** Cancelled through the caller's AbortSignal. */
  | 'aborted';

/**
 * A failed Binance request. The message names the URL, the HTTP status and, when Binance sent one,
 * its error code and message, e.g. `GET https://fapi.binance.com/fapi/v1/klines?...: HTTP 400, Binance -1121 Invalid symbol.`
 */
export class BinanceError extends Error {
  override readonly name = 'BinanceError';
  constructor(
    readonly kind: BinanceErrorKind,
    readonly url: string,
    readonly detail: string,
    readonly status?: number,
    readonly code?: number,
    /** Milliseconds the server asked to wait (`Retry-After`), when given. */
    readonly retryAfterMs?: number,
  ) {
    super(`GET ${url}: ${detail}`);
  }
}
