// Types of chromium.mjs (plain Node ESM, also imported by the render benchmark) for the TypeScript tests.
import type { Browser } from 'playwright-core';

export type { Browser };

/** Options of {@link launchChromium}. */
export interface LaunchOptions {
  /**
   * A real device scale factor (`--force-device-scale-factor`), default 1. An emulated one does not reach
   * ResizeObserver's `devicePixelContentBoxSize`, so a DPR needs its own browser.
   */
  deviceScaleFactor?: number;
}

/** The chromium executable: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string;

/** The flags every test browser gets (besides its fresh `--user-data-dir`). */
export const CHROMIUM_FLAGS: readonly string[];

/** Whether the chromium executable exists and is executable. */
export function chromiumAvailable(): boolean;

/** Why chromium-dependent work cannot run here, for skip messages. */
export function chromiumMissingReason(): string;

/** The device scale factor a browser was launched with (1 when not launched by {@link launchChromium}). */
export function browserScaleFactor(browser: Browser): number;

/**
 * Launches headless chromium with {@link CHROMIUM_FLAGS} and a fresh profile, removed by `browser.close()`.
 * @throws Error when `deviceScaleFactor` is not positive or chromium does not start.
 */
export function launchChromium(options?: LaunchOptions): Promise<Browser>;

/** Whether `CI` is set (`''`, `0` and `false` count as unset). */
export function inCI(): boolean;
