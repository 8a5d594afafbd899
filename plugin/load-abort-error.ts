/**
 * Why a pending `setDataAsync`, `setOpenInterest` or model-option rebuild was cancelled: a newer
 * `setData`/`setDataAsync` superseded it, or the overlay was detached. Its `name` is `'AbortError'`, as
 * for a DOM abort, so `error.name === 'AbortError'` tells a cancellation from a failure.
 */
export class LoadAbortError extends Error {
  override readonly name = 'AbortError';

  constructor(message: string) {
    super(message);
  }
}

/** Rethrows anything but a {@link LoadAbortError}: for work whose cancellation is expected. */
export function ignoreLoadAbort(error: unknown): void {
  if (!(error instanceof LoadAbortError)) throw error;
}
