import { checkKnownOptions } from '../options/known-options';
import { sleep as defaultSleep, type BackoffOptions } from './backoff';
import { WEIGHT_LIMIT_PER_MINUTE } from './rest-weight';

/** The part of a fetch body stream the client reads: chunks until it has enough, then it cancels the rest. */
export interface BodyStreamLike {
  getReader(): {
    read(): Promise<{ done: boolean; value?: Uint8Array }>;
    cancel(reason?: unknown): Promise<void>;
  };
}

/** The part of a fetch `Response` the client reads. */
export interface ResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  /**
   * The body as a stream. When present, the client reads only the first few KB of an error (non-2xx)
   * body from it; without it, it reads {@link text} and cuts it.
   */
  readonly body?: BodyStreamLike | null;
  text(): Promise<string>;
}

/** The `fetch` the client calls: header-free GETs with an optional abort signal. */
export type FetchLike = (url: string, init: { method: 'GET'; signal?: AbortSignal }) => Promise<ResponseLike>;

/** A cancellable wait (see `sleep` in `backoff.ts`). */
export type SleepLike = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Options of every client method. */
export interface RequestOptions {
  /** Cancels the request, any retry wait and any wait for the weight budget. */
  signal?: AbortSignal;
}

/** Options of {@link BinanceRestClient}. */
export interface BinanceRestOptions {
  /**
   * Origin the production paths (`/fapi/v1/klines`, `/futures/data/openInterestHist`, ...) are
   * appended to; a proxy or a local test server. Default `https://fapi.binance.com`.
   */
  baseUrl?: string;
  /** The fetch implementation. Default `globalThis.fetch` (looked up at call time). */
  fetch?: FetchLike;
  /** Retries after the first attempt for 429, 5xx, network errors (and one for a malformed body). Default 4. */
  retries?: number;
  /** Retry pacing (exponential with jitter). Default base 500 ms, max 20 s. */
  backoff?: BackoffOptions;
  /** The wait used for retries, `Retry-After` and the weight budget; injectable for tests. Default `sleep` of `backoff.ts`. */
  sleep?: SleepLike;
  /** Longest `Retry-After` (429) the client waits before giving up with `rate-limited`. Default 60 000 ms. */
  maxWaitMs?: number;
  /** Called with `X-MBX-USED-WEIGHT-1M` after every response that carries it. */
  onWeight?: (usedWeight1m: number) => void;
  /** Clock (epoch ms) for the per-minute weight window, lookbacks and bans. Default `Date.now`. */
  now?: () => number;
  /** Request weight allowed per minute. Default 2400 (Binance USDⓈ-M, per IP). */
  weightLimit?: number;
}

/** {@link BinanceRestOptions} with every default filled in. */
export interface ResolvedRestOptions {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly retries: number;
  readonly backoff: BackoffOptions;
  readonly sleep: SleepLike;
  readonly maxWaitMs: number;
  readonly onWeight: ((usedWeight1m: number) => void) | undefined;
  readonly now: () => number;
  readonly weightLimit: number;
}

/** Default REST origin of Binance USDⓈ-M futures. */
export const DEFAULT_REST_BASE_URL = 'https://fapi.binance.com';

const REST_OPTION_NAMES: readonly (keyof BinanceRestOptions)[] = ['baseUrl', 'fetch', 'retries', 'backoff', 'sleep', 'maxWaitMs', 'onWeight', 'now', 'weightLimit'];

/**
 * Fills in defaults and checks the numbers.
 * @throws RangeError for an option that is not one of {@link BinanceRestOptions}, a negative or fractional
 * `retries`, or a `maxWaitMs`/`weightLimit` that is not positive.
 */
export function resolveRestOptions(options: BinanceRestOptions = {}): ResolvedRestOptions {
  checkKnownOptions(options, REST_OPTION_NAMES, 'BinanceRestClient options');
  const retries = options.retries ?? 4;
  if (!(Number.isInteger(retries) && retries >= 0)) throw new RangeError(`retries must be a whole number >= 0, got ${retries}`);
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  if (!(maxWaitMs >= 0)) throw new RangeError(`maxWaitMs must be >= 0, got ${maxWaitMs}`);
  const weightLimit = options.weightLimit ?? WEIGHT_LIMIT_PER_MINUTE;
  if (!(weightLimit > 0)) throw new RangeError(`weightLimit must be positive, got ${weightLimit}`);
  return {
    baseUrl: (options.baseUrl ?? DEFAULT_REST_BASE_URL).replace(/\/+$/, ''),
    // Called detached: a browser's fetch throws "Illegal invocation" when called as a method of another object.
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    retries,
    backoff: options.backoff ?? { baseMs: 500, maxMs: 20_000 },
    sleep: options.sleep ?? defaultSleep,
    maxWaitMs,
    onWeight: options.onWeight,
    now: options.now ?? Date.now,
    weightLimit,
  };
}
