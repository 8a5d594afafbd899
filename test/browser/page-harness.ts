import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { browserScaleFactor } from './chromium.mjs';
import { decodePng, type RgbaImage } from './png';
import { REPO_ROOT } from './static-server.mjs';

export interface PageOptions {
  /** Viewport in CSS pixels. Default 800 x 600. */
  width?: number;
  height?: number;
  /**
   * devicePixelRatio. Default, and the only accepted value: the one the browser was launched with
   * (`launchChromium({ deviceScaleFactor })`); an emulated-only DPR would leave chart bitmaps at DPR 1.
   */
  deviceScaleFactor?: number;
  /** Per-action / navigation timeout, ms. Default 15 000. */
  timeout?: number;
  /** Runs in the page before any of its scripts (`page.addInitScript`), e.g. to record what the page shows while loading. */
  init?: () => void;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /**
   * Problems seen since the context opened, as readable lines: `console.error: ...`, `pageerror: ...`,
   * `requestfailed: ...`, `http 404: ...`, `crash`. CSP violations arrive as console errors.
   */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Opens `url` in a fresh context (own viewport and DPR) and collects console errors, uncaught page
 * errors, failed requests and HTTP error responses into `errors` from before navigation starts.
 */
export async function openPage(browser: Browser, url: string, options: PageOptions = {}): Promise<OpenedPage> {
  const launched = browserScaleFactor(browser);
  const deviceScaleFactor = options.deviceScaleFactor ?? launched;
  if (deviceScaleFactor !== launched) {
    throw new Error(
      `openPage: deviceScaleFactor ${deviceScaleFactor} on a browser launched at ${launched}; ` +
        `use launchChromium({ deviceScaleFactor: ${deviceScaleFactor} }) (emulation alone leaves canvases at DPR 1)`,
    );
  }
  const context = await browser.newContext({
    viewport: { width: options.width ?? 800, height: options.height ?? 600 },
    deviceScaleFactor,
  });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(options.timeout ?? 15_000);
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url: at, lineNumber } = message.location();
      errors.push(`console.error: ${message.text()}${at ? ` (${at}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.stack ?? error.message}`));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '';
      // ERR_ABORTED is the page cancelling its own request (an AbortController, a superseded load): not a failure.
      if (reason === 'net::ERR_ABORTED') return;
      errors.push(`requestfailed: ${request.method()} ${request.url()} ${reason}`.trimEnd());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`http ${response.status()}: ${response.url()}`);
    });
    page.on('crash', () => errors.push('crash'));
    if (options.init) await page.addInitScript(options.init);
    await page.goto(url, { waitUntil: 'load' });
    return { context, page, errors, close: () => context.close() };
  } catch (error) {
    await context.close();
    if (errors.length && error instanceof Error) error.message += `\npage problems:\n${errors.join('\n')}`;
    throw error;
  }
}

/** Fails listing every problem `openPage` collected, except those matching one of `allow`. */
export function expectNoConsoleErrors(errors: readonly string[], allow: readonly RegExp[] = []): void {
  expect(errors.filter((line) => !allow.some((pattern) => pattern.test(line)))).toEqual([]);
}

/**
 * Waits until the fixture page sets `data-ready` on `<html>`, or throws with the page's `data-error`
 * (fixtures catch their own failures and put the message there).
 */
export async function waitForReady(page: Page, timeout = 15_000): Promise<void> {
  const html = page.locator('html[data-ready], html[data-error]');
  await html.waitFor({ state: 'attached', timeout });
  const error = await html.getAttribute('data-error');
  if (error !== null) throw new Error(`page reported: ${error}`);
}

export type Rgb = readonly [number, number, number];

export interface PixelStatsOptions {
  /**
   * `'screenshot'` (default): the element as composited on screen, in device pixels.
   * `'canvas'`: the raw bitmap of one canvas via getImageData: the selected element if it is a canvas,
   * else the largest canvas inside it (the first of equal ones: in lightweight-charts the pane's main
   * canvas, which holds background, grid and series, precedes its same-sized crosshair canvas).
   */
  source?: 'screenshot' | 'canvas';
  /** Background colour; default the most frequent opaque colour. */
  background?: Rgb;
  /** Max per-channel difference from `background`. Default 8. */
  tolerance?: number;
  /** Named predicates tried in order before the built-in classes; first match wins. */
  classes?: Record<string, (r: number, g: number, b: number, a: number) => boolean>;
}

export interface PixelStats {
  width: number;
  height: number;
  total: number;
  background: Rgb;
  /** Pixels that are neither transparent nor background. */
  nonBackground: number;
  /**
   * Counts by class: `transparent` (`alpha < 16`), `background`, the custom classes, then for the rest
   * `grey` (low saturation) or a hue: `red`, `orange`, `yellow`, `green`, `cyan`, `blue`, `purple`.
   */
  counts: Record<string, number>;
}

/** Reads an element's pixels (see {@link PixelStatsOptions.source}). */
export async function readPixels(page: Page, selector: string, source: 'screenshot' | 'canvas' = 'screenshot'): Promise<RgbaImage> {
  if (source === 'screenshot') {
    return decodePng(await page.locator(selector).first().screenshot({ type: 'png', animations: 'disabled' }));
  }
  const got = await page.evaluate((sel: string) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no element matches ${sel}`);
    let canvas: HTMLCanvasElement | null = el instanceof HTMLCanvasElement ? el : null;
    if (!canvas) {
      for (const c of Array.from(el.querySelectorAll('canvas'))) {
        if (!canvas || c.width * c.height > canvas.width * canvas.height) canvas = c;
      }
    }
    if (!canvas) throw new Error(`no canvas in ${sel}`);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(`canvas in ${sel} has no 2d context`);
    const bytes = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
    }
    return { width: canvas.width, height: canvas.height, base64: btoa(binary) };
  }, selector);
  return { width: got.width, height: got.height, data: new Uint8Array(Buffer.from(got.base64, 'base64')) };
}

/** Reads an element's pixels and counts them by class. */
export async function pixelStats(page: Page, selector: string, options: PixelStatsOptions = {}): Promise<PixelStats> {
  return classifyPixels(await readPixels(page, selector, options.source), options);
}

/** Counts an image's pixels by class (pure; see {@link PixelStats.counts}). */
export function classifyPixels(image: RgbaImage, options: Omit<PixelStatsOptions, 'source'> = {}): PixelStats {
  const { data, width, height } = image;
  const total = width * height;
  const tolerance = options.tolerance ?? 8;
  const background = options.background ?? dominantColour(image);
  const custom = Object.entries(options.classes ?? {});
  const counts: Record<string, number> = { transparent: 0, background: 0 };
  for (const [name] of custom) counts[name] = 0;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i];
    const g = data[i + 1];
    const b = data[i + 2];
    const a = data[i + 3];
    let name: string;
    if (a < 16) name = 'transparent';
    else if (Math.abs(r - background[0]) <= tolerance && Math.abs(g - background[1]) <= tolerance && Math.abs(b - background[2]) <= tolerance) name = 'background';
    else name = custom.find(([, test]) => test(r, g, b, a))?.[0] ?? hueClass(r, g, b);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return { width, height, total, background, nonBackground: total - counts.transparent - counts.background, counts };
}

/** The most frequent opaque colour (white when there is none). */
export function dominantColour(image: RgbaImage): Rgb {
  const seen = new Map<number, number>();
  let best = 0xffffff;
  let bestCount = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (image.data[i + 3] < 255) continue;
    const key = (image.data[i] << 16) | (image.data[i + 1] << 8) | image.data[i + 2];
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return [best >> 16, (best >> 8) & 0xff, best & 0xff];
}

/** `grey` for unsaturated colours, else a hue bucket name. */
export function hueClass(r: number, g: number, b: number): string {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === 0 || (max - min) / max < 0.15 || max - min < 24) return 'grey';
  const d = max - min;
  let hue = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  hue = (hue * 60 + 360) % 360;
  if (hue < 15 || hue >= 345) return 'red';
  if (hue < 45) return 'orange';
  if (hue < 70) return 'yellow';
  if (hue < 165) return 'green';
  if (hue < 200) return 'cyan';
  if (hue < 255) return 'blue';
  return 'purple';
}

/** A class predicate: within `tolerance` per channel of `colour` (a CSS hex like `#26a69a`). */
export function near(colour: string, tolerance = 8): (r: number, g: number, b: number) => boolean {
  const hex = /^#?([0-9a-f]{6})$/i.exec(colour)?.[1];
  if (!hex) throw new Error(`near() takes #rrggbb, got ${colour}`);
  const [cr, cg, cb] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return (r, g, b) => Math.abs(r - cr) <= tolerance && Math.abs(g - cg) <= tolerance && Math.abs(b - cb) <= tolerance;
}

/** Directory where browser tests keep screenshots for people to look at (gitignored). */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'browser');

/** Saves a PNG of the page (or of `selector`) as `test-results/browser/<name>.png`; returns its path. */
export async function saveScreenshot(page: Page, name: string, selector?: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  const png = selector ? await page.locator(selector).first().screenshot({ type: 'png' }) : await page.screenshot({ type: 'png', fullPage: true });
  writeFileSync(path, png);
  return path;
}
