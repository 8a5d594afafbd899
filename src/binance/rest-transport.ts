import { backoffDelay } from './backoff';
import { BinanceError, type BinanceErrorKind } from './binance-error';
import { bodySnippet, parseErrorBody } from './rest-error-body';
import { readErrorBody } from './rest-error-read';
import { MalformedField } from './rest-fields';
import type { ResolvedRestOptions, ResponseLike } from './rest-options';
import { parseRetryAfter } from './rest-retry-after';
import { restUrl, type QueryParams } from './rest-url';
import { WeightBudget } from './rest-weight';

/** One GET to send: where, its request weight, how to read the body. */
export interface RestRequest<T> {
  readonly path: string;
  readonly params?: QueryParams;
  /** Request weight Binance charges for it (0 for endpoints limited separately). */
  readonly weight: number;
  /** Reads the JSON body; throws {@link MalformedField} for a wrong shape. */
  readonly parse: (body: unknown) => T;
  readonly signal?: AbortSignal;
}

/** Why an attempt failed, and whether another attempt may help. */
interface Failure {
  readonly kind: BinanceErrorKind;
  readonly detail: string;
  readonly status?: number;
  readonly code?: number;
  readonly retryAfterMs?: number;
  /** `once`: a malformed or cut-short body, worth one more try. */
  readonly retry: 'yes' | 'once' | 'no';
  /** Wait before the retry (a 429's `Retry-After`); by default the backoff. */
  readonly waitMs?: number;
}

type Outcome<T> = { readonly value: T } | { readonly failure: Failure };

const WEIGHT_HEADER = 'x-mbx-used-weight-1m';
// An HTTP 418 without Retry-After still bans for minutes: stay away at least this long.
const DEFAULT_BAN_MS = 120_000;
const NETWORK_HINT =
  'in a browser this usually means CORS (the page origin is not allowed), ' +
  'a blocker (ad blocker, privacy extension, firewall, proxy) or being offline';

/**
 * Sends header-free GETs with Binance's rules: retries 429 (after `Retry-After`), 5xx, 408 and
 * network errors with backoff and jitter; never retries 418 (banned) or 451 (restricted) and, for
 * the ban's duration, fails further requests without sending them; keeps each minute's request
 * weight under the limit by waiting for the next minute. Every wait is cancellable.
 */
export class RestTransport {
  private readonly budget: WeightBudget;
  private lastUsedWeight: number | undefined;
  private block: { kind: 'banned' | 'rate-limited'; until: number } | undefined;

  constructor(private readonly options: ResolvedRestOptions) {
    this.budget = new WeightBudget(options.weightLimit);
  }

  /** The latest `X-MBX-USED-WEIGHT-1M` seen, or `undefined` before the first response carrying it. */
  get usedWeight(): number | undefined {
    return this.lastUsedWeight;
  }

  /**
   * Sends the request until it succeeds or the retry budget is spent.
   * @throws BinanceError of any kind (see {@link BinanceErrorKind}).
   */
  async get<T>(request: RestRequest<T>): Promise<T> {
    const { signal } = request;
    const url = restUrl(this.options.baseUrl, request.path, request.params);
    let retriedOnce = false;
    for (let attempt = 0; ; attempt++) {
      await this.waitForBlock(url, signal);
      await this.waitForWeight(request.weight, url, signal);
      const outcome = await this.attempt(url, request);
      if ('value' in outcome) return outcome.value;
      const { failure } = outcome;
      const retry = failure.retry === 'yes' || (failure.retry === 'once' && !retriedOnce);
      if (!retry || attempt >= this.options.retries) throw toError(failure, url, attempt + 1);
      if (failure.retry === 'once') retriedOnce = true;
      await this.pause(failure.waitMs ?? backoffDelay(attempt, this.options.backoff), url, signal);
    }
  }

  private async attempt<T>(url: string, request: RestRequest<T>): Promise<Outcome<T>> {
    const { signal } = request;
    throwIfAborted(url, signal);
    let response: ResponseLike;
    try {
      const fetch = this.options.fetch;
      response = await fetch(url, signal ? { method: 'GET', signal } : { method: 'GET' });
    } catch (error) {
      throwIfAborted(url, signal);
      return { failure: { kind: 'network', detail: `network error (${describeError(error)}); ${NETWORK_HINT}`, retry: 'yes' } };
    }
    this.observeWeight(response);
    const { status } = response;
    const ok = status >= 200 && status < 300;
    let text: string;
    try {
      text = ok ? await response.text() : await readErrorBody(response);
    } catch (error) {
      throwIfAborted(url, signal);
      const detail = `HTTP ${status} but the body was cut short (${describeError(error)})`;
      return { failure: { kind: 'malformed', detail, status, retry: 'once' } };
    }
    if (ok) return this.read(text, status, request.parse);
    return { failure: this.classify(response, text) };
  }

  private read<T>(text: string, status: number, parse: (body: unknown) => T): Outcome<T> {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      const start = text.length === 0 ? 'empty body' : `body starts ${JSON.stringify(text.slice(0, 60))}`;
      const detail = `HTTP ${status} with malformed JSON (${(error as Error).message}; ${start})`;
      return { failure: { kind: 'malformed', detail, status, retry: 'once' } };
    }
    try {
      return { value: parse(body) };
    } catch (error) {
      if (!(error instanceof MalformedField)) throw error;
      const binance = parseErrorBody(text);
      if (binance) {
        const detail = `HTTP ${status}, Binance ${binance.code} ${binance.msg}`;
        return { failure: { kind: 'binance', detail, status, code: binance.code, retry: 'no' } };
      }
      return { failure: { kind: 'malformed', detail: `unexpected body: ${error.message}`, status, retry: 'no' } };
    }
  }

  private classify(response: ResponseLike, text: string): Failure {
    const { status } = response;
    const now = this.options.now();
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
    const body = parseErrorBody(text);
    const binance = body ? `, Binance ${body.code} ${body.msg}` : '';
    const code = body?.code;
    if (status === 418) {
      this.block = { kind: 'banned', until: now + (retryAfterMs ?? DEFAULT_BAN_MS) };
      const wait = retryAfterMs !== undefined ? `for ${describeMs(retryAfterMs)} (Retry-After)` : 'for a while';
      const detail = `HTTP 418${binance}: Binance has banned this IP ${wait} after too many requests; not retrying`;
      return { kind: 'banned', detail, status, code, retryAfterMs, retry: 'no' };
    }
    if (status === 429) {
      const tooLong = retryAfterMs !== undefined && retryAfterMs > this.options.maxWaitMs;
      if (retryAfterMs !== undefined) this.block = { kind: 'rate-limited', until: now + retryAfterMs };
      const longer = `Binance asks to wait ${describeMs(retryAfterMs)}, more than maxWaitMs ${describeMs(this.options.maxWaitMs)}`;
      const detail = `HTTP 429${binance}: too many requests${tooLong ? `; ${longer}` : ''}`;
      const retry = tooLong ? 'no' : 'yes';
      return { kind: 'rate-limited', detail, status, code, retryAfterMs, retry, waitMs: retryAfterMs };
    }
    if (status === 451) {
      const detail =
        `HTTP 451${binance}: Binance refuses service from this location (restricted jurisdiction); ` +
        'requests from here will not work';
      return { kind: 'restricted', detail, status, code, retry: 'no' };
    }
    const retry = status >= 500 || status === 408 ? 'yes' : 'no';
    // A 503 may say when to come back; longer than maxWaitMs, the backoff decides instead.
    const waitMs = retryAfterMs !== undefined && retryAfterMs <= this.options.maxWaitMs ? retryAfterMs : undefined;
    if (body) return { kind: 'binance', detail: `HTTP ${status}${binance}`, status, code, retryAfterMs, retry, waitMs };
    const snippet = bodySnippet(text);
    const detail = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}${snippet ? `: ${snippet}` : ''}`;
    return { kind: 'http', detail, status, retryAfterMs, retry, waitMs };
  }

  private observeWeight(response: ResponseLike): void {
    const header = response.headers.get(WEIGHT_HEADER);
    if (header === null || !/^\s*\d+\s*$/.test(header)) return;
    const used = Number(header);
    this.lastUsedWeight = used;
    this.budget.observe(used, this.options.now());
    this.options.onWeight?.(used);
  }

  private async waitForBlock(url: string, signal: AbortSignal | undefined): Promise<void> {
    const block = this.block;
    if (block === undefined) return;
    const remaining = block.until - this.options.now();
    if (remaining <= 0) {
      this.block = undefined;
      return;
    }
    if (block.kind === 'banned') {
      const detail = `not sent: Binance banned this IP (HTTP 418) for another ${describeMs(remaining)}`;
      throw new BinanceError('banned', url, detail, 418, undefined, remaining);
    }
    if (remaining > this.options.maxWaitMs) {
      const detail =
        `not sent: rate-limited (HTTP 429) for another ${describeMs(remaining)}, ` +
        `more than maxWaitMs ${describeMs(this.options.maxWaitMs)}`;
      throw new BinanceError('rate-limited', url, detail, 429, undefined, remaining);
    }
    await this.pause(remaining, url, signal);
  }

  private async waitForWeight(weight: number, url: string, signal: AbortSignal | undefined): Promise<void> {
    if (weight <= 0) return;
    // Concurrent requests may fill the new minute again; after a few rounds trust the clock.
    for (let round = 0; round < 3; round++) {
      const wait = this.budget.delayFor(weight, this.options.now());
      if (wait <= 0) break;
      await this.pause(wait, url, signal);
    }
    this.budget.spend(weight, this.options.now());
  }

  private async pause(ms: number, url: string, signal: AbortSignal | undefined): Promise<void> {
    throwIfAborted(url, signal);
    try {
      await this.options.sleep(ms, signal);
    } catch (error) {
      throwIfAborted(url, signal);
      throw error;
    }
    throwIfAborted(url, signal);
  }
}

function toError(failure: Failure, url: string, attempts: number): BinanceError {
  const tries = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
  return new BinanceError(failure.kind, url, failure.detail + tries, failure.status, failure.code, failure.retryAfterMs);
}

function throwIfAborted(url: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BinanceError('aborted', url, `aborted (${describeError(signal.reason)})`);
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? `: ${cause.message}` : '';
  return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}${inner}`;
}

function describeMs(ms: number | undefined): string {
  if (ms === undefined) return 'an unknown time';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}
