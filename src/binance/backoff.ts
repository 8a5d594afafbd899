/** Retry pacing: exponential from `baseMs`, capped at `maxMs`, with full jitter so clients never retry in step. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Random source in [0, 1); injectable so tests are deterministic. Default `Math.random`. */
  random?: () => number;
}

/** Delay before retry number `attempt` (0-based): uniform in `[0.5, 1] * min(maxMs, baseMs * 2^attempt)`. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const cap = Math.min(options.maxMs, options.baseMs * Math.pow(2, Math.max(0, attempt)));
  const random = options.random ?? Math.random;
  return cap * (0.5 + 0.5 * random());
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
