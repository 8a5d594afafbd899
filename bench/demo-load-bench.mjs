/**
 * Demo under load, in headless Chromium: the real demo (`node demo/server.mjs`, pointed with
 * `BINANCE_REST_URL` / `BINANCE_WS_URL` at test/demo/fake-binance.mjs, a loopback stand-in with a 30 ms
 * delay per REST request and a live websocket) loading 6 months of 5m bars (≈52k bars, 35 REST pages)
 * and of 1h bars (≈4.3k, 3 pages), an open 5m page switched from 7d to 6M with the Range control, and
 * (for comparison, no target) a 5m load started while the tab's renderer process is still starting.
 * A `PerformanceObserver({ type: 'longtask', buffered: true })` is installed before any page script
 * (`page.addInitScript`); the progress line (`[data-testid=progress]`) is polled while loading. Measured
 * per load: load time (to `<html data-ready>`), main-thread tasks of 50 ms or more from the first kline
 * request until 1 s after ready ("while loading") and before it ("page start-up"), REST pages served,
 * and whether "pages N of M" was shown; each case is loaded `repeats` times. When there are long tasks,
 * the case is loaded again under the DevTools CPU profiler (CDP `Profiler`, 200 µs sampling) and the
 * samples inside the long tasks are attributed to functions (self time; bundle positions mapped to src/
 * through dist/index.umd.js.map). Returns one report section (see report.mjs, `columns` form); without
 * chromium it is skipped.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumAvailable, chromiumMissingReason, launchChromium } from '../test/browser/chromium.mjs';
import { REPO_ROOT } from '../test/browser/static-server.mjs';
import { startFakeBinance } from '../test/demo/fake-binance.mjs';
import { attribute } from './demo-load/attribute.mjs';
import { bundleMapper } from './demo-load/bundle-mapper.mjs';
import { caseRow } from './demo-load/case-row.mjs';
import { startDemoServer } from './demo-load/demo-server.mjs';
import { fmt, oneLine, taskFmt } from './demo-load/format.mjs';
import { loadOnce } from './demo-load/load-once.mjs';
import { demoLoadNotes } from './demo-load/notes.mjs';
import { summarise } from './demo-load/summarise.mjs';

const TITLE = 'Demo under load: 6M lookback through the demo server, opened or switched to (headless Chromium, loopback Binance stand-in)';

export const DEMO_LOAD_CONFIG = {
  cases: [
    { id: 'demo-load-5m-6M', label: '5m x 6M', interval: '5m', range: '6M' },
    { id: 'demo-load-1h-6M', label: '1h x 6M', interval: '1h', range: '6M' },
    // The common path: the page is open (5m x 7d) and the trader picks 6M in the Range control.
    { id: 'demo-load-switch-5m-6M', label: '5m: 7d -> 6M on an open page', interval: '5m', range: '6M', from: '7d' },
    // For comparison, not a target: navigating while the tab's renderer process is still starting up.
    { id: 'demo-load-5m-6M-cold', label: '5m x 6M, renderer still starting', interval: '5m', range: '6M', coldRenderer: true },
  ],
  /**
   * A fresh context's renderer process is given this long to finish starting before the page is opened,
   * as Chrome's spare renderer would have: on 2 cores a process still starting competes with the page.
   */
  rendererSettleMs: 500,
  /** Per-request delay of the fake Binance (a network round trip). */
  restDelayMs: 30,
  /** Loads per case (a quick run makes one): long tasks on a shared machine vary from load to load. */
  repeats: 3,
  /** Watching continues this long after `data-ready` (first draw, market data, open-interest history). */
  settleMs: 1000,
  /** Progress-line polling period. */
  pollMs: 15,
  timeoutMs: 30_000,
  viewport: { width: 1280, height: 800 },
  /** CPU profiler sampling interval (µs) of the attribution run. */
  profileSamplingUs: 200,
  /** Functions listed per case (self time inside long tasks). */
  topFunctions: 8,
};

export async function runDemoLoadBench({ quick = false, log = () => {} } = {}) {
  const config = DEMO_LOAD_CONFIG;
  const base = {
    id: 'demo-load',
    title: TITLE,
    columns: ['Case', 'Bars (chart)', 'REST pages', 'Load time', 'Longest task while loading', 'Long tasks (>= 50 ms) while loading', 'Page start-up: longest task', 'Progress seen'],
    config,
  };
  if (!chromiumAvailable()) return { ...base, skipped: chromiumMissingReason(), rows: [], notes: [], sane: null };
  const missing = ['dist/index.umd.js', 'dist/core.mjs', 'node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js'].filter(
    (file) => !existsSync(join(REPO_ROOT, file)),
  );
  if (missing.length) return { ...base, skipped: `missing ${missing.join(', ')} (run \`npm run build\` / \`npm ci\`)`, rows: [], notes: [], sane: null };

  const fake = await startFakeBinance({ delayMs: config.restDelayMs });
  let demo = null;
  let browser = null;
  const cases = [];
  try {
    fake.warm(config.cases.map((c) => c.interval));
    demo = await startDemoServer(fake);
    log(`demo-load: demo server ${demo.url}, fake Binance ${fake.url}`);
    browser = await launchChromium();
    const mapper = bundleMapper();
    const repeats = quick ? 1 : config.repeats;
    for (const spec of config.cases) {
      const runs = [];
      for (let run = 1; run <= repeats; run++) {
        log(`demo-load ${spec.label}: load ${run} of ${repeats}`);
        const measured = await loadOnce(browser, demo.url, fake, spec, config, { profile: false });
        log(
          `demo-load ${spec.label}: ${measured.bars} bars (${measured.candles} in the chart), ${measured.pages} pages, ready at ${fmt(measured.loadMs)}, ` +
            `longest task while loading ${taskFmt(measured.longestTaskMs)}, page start-up ${taskFmt(measured.startupLongestMs)}`,
        );
        delete measured.profile;
        runs.push(measured);
      }
      const measured = summarise(runs);
      if (measured.longTasks.length > 0 && !quick) {
        log(`demo-load ${spec.label}: loading again under the CPU profiler to attribute the long tasks`);
        const profiled = await loadOnce(browser, demo.url, fake, spec, config, { profile: true });
        measured.attribution = attribute(profiled, config, mapper);
      }
      cases.push(measured);
    }
  } catch (error) {
    return { ...base, error: oneLine(error), rows: [], notes: demo ? [`demo server output: ${demo.output().slice(-600)}`] : [], sane: false, cases };
  } finally {
    await browser?.close().catch(() => undefined);
    await demo?.stop();
    await fake.close();
  }

  const rows = cases.map(caseRow);
  const sane = cases.every((c) => c.sanity.ok);
  const notes = demoLoadNotes(cases, config, quick, sane);
  return { ...base, rows, notes, sane, cases };
}
