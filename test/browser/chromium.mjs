// @ts-check
/**
 * Launching the system's Debian `chromium` through playwright-core (which never downloads a browser),
 * shared by the real-browser tests (test/browser) and the render benchmark (bench/render-bench.mjs).
 * Plain Node ESM with JSDoc types so both can import it; `describeBrowser` (vitest) lives in
 * describe-browser.ts. `CHROMIUM_PATH` overrides the executable.
 */
import { accessSync, constants, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** @typedef {import('playwright-core').Browser} Browser */

/**
 * @typedef {object} LaunchOptions
 * @property {number} [deviceScaleFactor] A real device scale factor (`--force-device-scale-factor`),
 *   default 1. Chromium's emulated `deviceScaleFactor` alone changes `devicePixelRatio` and screenshots
 *   but not ResizeObserver's `devicePixelContentBoxSize`, which fancy-canvas (so lightweight-charts) sizes
 *   its bitmaps from: charts would draw at DPR 1 and be upscaled (microsoft/playwright#18591). So a DPR
 *   needs its own browser; page-harness's `openPage` takes the DPR from here and refuses a different one.
 */

/**
 * The chromium executable: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`.
 * @returns {string}
 */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * The flags every test browser gets (besides its fresh `--user-data-dir`).
 * @type {readonly string[]}
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

/**
 * Whether the chromium executable exists and is executable.
 * @returns {boolean}
 */
export function chromiumAvailable() {
  try {
    accessSync(chromiumPath(), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why chromium-dependent work cannot run here, for skip messages. */
export function chromiumMissingReason() {
  return `chromium not found at ${chromiumPath()} (install Debian's chromium or set CHROMIUM_PATH)`;
}

/** @type {WeakMap<Browser, number>} */
const launchedScale = new WeakMap();

/**
 * The device scale factor a browser was launched with (1 when not launched by {@link launchChromium}).
 * @param {Browser} browser
 * @returns {number}
 */
export function browserScaleFactor(browser) {
  return launchedScale.get(browser) ?? 1;
}

/**
 * Launches headless chromium with {@link CHROMIUM_FLAGS} and a fresh profile made with mkdtemp, removed by
 * `browser.close()` (and, best effort, if the browser dies).
 * @param {LaunchOptions} [options]
 * @returns {Promise<Browser>}
 */
export async function launchChromium(options = {}) {
  const scale = options.deviceScaleFactor ?? 1;
  if (!(scale > 0)) throw new Error(`deviceScaleFactor must be positive, got ${scale}`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'liq-heatmap-chromium-'));
  const removeProfile = () => rm(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  /** @type {Browser | null} */
  let browser;
  try {
    // playwright-core throws on a `--user-data-dir` in `args` ("Pass userDataDir parameter to
    // launchPersistentContext"), so the mkdtemp'd profile goes through launchPersistentContext; its
    // Browser still opens fresh contexts, which openPage needs for a per-page viewport.
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_FLAGS, ...(scale === 1 ? [] : [`--force-device-scale-factor=${scale}`])],
      headless: true,
      deviceScaleFactor: scale,
      timeout: 30_000,
    });
    browser = context.browser();
    if (!browser) {
      await context.close();
      throw new Error('playwright-core returned no Browser for the persistent context');
    }
  } catch (error) {
    await removeProfile().catch(() => undefined);
    throw error;
  }
  let closing = false;
  const close = browser.close.bind(browser);
  browser.close = async (closeOptions) => {
    closing = true;
    try {
      await close(closeOptions);
    } finally {
      await removeProfile().catch((error) => console.warn(`could not remove ${userDataDir}: ${String(error)}`));
    }
  };
  browser.on('disconnected', () => {
    if (!closing) void removeProfile().catch(() => undefined);
  });
  launchedScale.set(browser, scale);
  return browser;
}

/**
 * Whether `CI` is set (`''`, `0` and `false` count as unset).
 * @returns {boolean}
 */
export function inCI() {
  const ci = process.env.CI;
  return ci !== undefined && !['', '0', 'false'].includes(ci.trim().toLowerCase());
}
