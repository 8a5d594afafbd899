/**
 * Time and timers of the live feed: every wait it makes (reconnect, idle, renew, resync timeout,
 * healthy) and the end time of its resyncs. Injectable, so minutes of reconnects can be run in fake time.
 */
export interface LiveClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `callback` once after `ms`; returns a handle for {@link clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a pending timer; a handle already fired, cleared or `undefined` is ignored. */
  clearTimeout(handle: unknown): void;
}

/** The real clock: `Date.now` and the global timers. */
export const SYSTEM_CLOCK: LiveClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
};
