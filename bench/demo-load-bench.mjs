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
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { chromiumAvailable, chromiumMissingReason, launchChromium } from '../test/browser/chromium.mjs';
import { REPO_ROOT } from '../test/browser/static-server.mjs';
import { intervalToMs, parseDuration } from '../dist/core.mjs';
import { startFakeBinance } from '../test/demo/fake-binance.mjs';
import { DEMO_LOAD_TARGETS, demoLoadTargetsFor } from './targets.mjs';

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

  const rows = cases.map((c) => {
    const targets = demoLoadTargetsFor(c);
    const each = (values) => (c.runs.length > 1 ? ` (${values.join(', ')})` : '');
    return {
      id: c.id,
      label: c.label,
      cells: [
        c.label,
        `${c.bars.toLocaleString('en-US')} (${c.candles.toLocaleString('en-US')})`,
        String(c.pages),
        `${fmt(c.loadMs)}${c.runs.length > 1 ? ' median' : ''}`,
        `${taskFmt(c.longestTaskMs)}${each(c.runs.map((r) => taskFmt(r.longestTaskMs)))}`,
        `${c.longTasks.length} in ${c.runs.length} load${c.runs.length > 1 ? 's' : ''}`,
        c.spec.from ? 'n/a (page open)' : `${taskFmt(c.startupLongestMs)}${each(c.runs.map((r) => taskFmt(r.startupLongestMs)))}`,
        c.progressSeen ? `yes (${c.progressSummary})` : 'no',
      ],
      bars: c.bars,
      candles: c.candles,
      pages: c.pages,
      loadMs: c.loadMs,
      longestTaskMs: c.longestTaskMs,
      longTasks: c.longTasks.length,
      startupLongestMs: c.startupLongestMs,
      runs: c.runs.length,
      progressSeen: c.progressSeen,
      targets,
      target: targets.length ? { text: targets.map((t) => t.text).join('; '), met: targets.every((t) => t.met) } : null,
    };
  });
  const sane = cases.every((c) => c.sanity.ok);
  const notes = [
    `Each load: a fresh browser context (${config.viewport.width}x${config.viewport.height}, DPR 1) whose renderer process is given ${config.rendererSettleMs} ms to finish starting ` +
      `(as Chrome's spare renderer would have; the "renderer still starting" case navigates at once, for comparison, and has no target), then opens \`/?interval=I&range=6M\` on the real demo server ` +
      `(\`node demo/server.mjs\`, \`PORT=0\`, \`BINANCE_REST_URL\` and \`BINANCE_WS_URL\` = the stand-in), so the page pages through \`/api/binance/fapi/v1/klines\` as it would through Binance and then follows the websocket; ` +
      `the stand-in answers every REST request after ${config.restDelayMs} ms with synthetic bars (\`syntheticKlines\`) and plausible ticker, premium index, open interest and open-interest history. ` +
      `Each case is loaded ${quick ? 1 : config.repeats} time(s); the longest task is the maximum over the loads (each load's in brackets).`,
    `Load time: navigation start (for the switch case: the Range change) to \`<html data-ready>\` (model computed, panels drawn). The switch case opens \`/?interval=5m&range=7d\`, waits until it is ready and settled, then picks 6M in the Range control. ` +
      `Long tasks: \`PerformanceObserver({ type: 'longtask', buffered: true })\` (the browser reports tasks of 50 ms and more) installed by \`page.addInitScript\` before the page's scripts. ` +
      `"While loading" is from the first kline request (switch case: the Range change) until ${config.settleMs} ms after ready: paging, the candles' first draw, the model slices, the first heatmap frames, the market data and the first websocket ticks. ` +
      `"Page start-up" is everything before the first kline request (HTML, styles, scripts, creating the chart and its first empty frame): the same for any page with a chart, whatever the lookback, so it is reported beside the target, not in it. ` +
      `"Progress seen": the progress line polled every ${config.pollMs} ms while loading showed "pages N of M" (first..last N seen).`,
    `Targets (issue): ${DEMO_LOAD_TARGETS.text}. Any console error, page error or HTTP >= 400 fails the sanity check, and so does a page that is not live on the stand-in's websocket after settling.`,
    ...cases.flatMap((c) => c.runs.map((r, i) => caseNote(r, c.runs.length > 1 ? ` load ${i + 1}` : ''))),
    ...cases.filter((c) => c.attribution).map((c) => attributionNote(c)),
    ...(quick ? ['QUICK RUN: long tasks are not profiled.'] : []),
    `Sanity (ready, bars and pages as expected, live, no errors): ${sane ? 'ok' : `FAILED (${cases.filter((c) => !c.sanity.ok).map((c) => `${c.label}: ${c.sanity.problems.join('; ')}`).join(' | ')})`}.`,
  ];
  return { ...base, rows, notes, sane, cases };
}

// ------------------------------------------------------------------------------------------------
// Servers

/** Starts `node demo/server.mjs` on a free port against the `fake` Binance; resolves with its URL once it prints it. */
async function startDemoServer(fake) {
  const child = spawn(process.execPath, ['demo/server.mjs'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', BINANCE_REST_URL: fake.url, BINANCE_WS_URL: fake.wsUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo server printed no URL within 10 s: ${output}`)), 10_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`demo server exited (${code ?? signal}) before printing its URL: ${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    },
  };
}

// ------------------------------------------------------------------------------------------------
// One load

/**
 * Runs in the page before any of its scripts: the long-task observer, the ready time and every text of
 * the progress line (with its time), and for the profiled run a 4 ms busy marker to align clocks.
 */
function installProbe(withMarker) {
  const rec = { longTasks: [], progress: [], readyAt: null, errorAt: null, observer: 'ok', marker: null };
  Object.defineProperty(window, '__demoLoad', { value: rec });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    rec.observer = String(error);
  }
  if (withMarker) {
    const __benchClockMarker = () => {
      const start = performance.now();
      let spins = 0;
      while (performance.now() - start < 4) spins++;
      return { start, end: performance.now(), spins };
    };
    rec.marker = __benchClockMarker();
  }
  document.addEventListener('DOMContentLoaded', () => {
    const html = document.documentElement;
    new MutationObserver(() => {
      if (rec.readyAt === null && html.dataset.ready !== undefined) rec.readyAt = performance.now();
      if (rec.errorAt === null && html.dataset.error !== undefined) rec.errorAt = performance.now();
    }).observe(html, { attributes: true, attributeFilter: ['data-ready', 'data-error'] });
    const progress = document.getElementById('progress');
    if (progress) {
      new MutationObserver(() => rec.progress.push({ t: performance.now(), text: progress.textContent })).observe(progress, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    }
  });
}

async function loadOnce(browser, demoUrl, fake, spec, config, { profile }) {
  const context = await browser.newContext({ viewport: config.viewport, deviceScaleFactor: 1 });
  const errors = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(config.timeoutMs);
    await page.addInitScript(installProbe, profile);
    if (!spec.coldRenderer) await page.waitForTimeout(config.rendererSettleMs);
    let cdp = null;
    if (profile) {
      // Readable names: the profiled run gets lightweight-charts' development build (same code, not minified).
      const dev = readFileSync(join(REPO_ROOT, 'node_modules/lightweight-charts/dist/lightweight-charts.standalone.development.js'));
      await page.route(/\/vendor\/lightweight-charts\.standalone\.production\.js$/, (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: dev }),
      );
      // Same origin first, so the profiled renderer is the one the page loads in.
      await page.goto(`${demoUrl}api/config`);
      cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: config.profileSamplingUs });
      await cdp.send('Profiler.start');
    }
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      errors.push(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}${stackHead(error.stack)}`));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`http ${response.status()}: ${response.url()}`);
    });
    fake.reset();

    let switchAt = null;
    if (spec.from) {
      await page.goto(`${demoUrl}?${new URLSearchParams({ interval: spec.interval, range: spec.from })}`);
      await page.locator('html[data-ready]').waitFor({ state: 'attached' });
      await page.waitForTimeout(config.settleMs);
      fake.reset();
      switchAt = await page.evaluate(() => {
        window.__demoLoad.readyAt = null;
        window.__demoLoad.progress.length = 0;
        return performance.now();
      });
      // The change handler drops data-ready at once, so the loop below waits for the new load.
      await page.selectOption('[data-testid=range]', spec.range);
    } else {
      const query = new URLSearchParams({ interval: spec.interval, range: spec.range });
      await page.goto(`${demoUrl}?${query}`, { waitUntil: 'domcontentloaded' });
    }
    const polled = [];
    const deadline = Date.now() + config.timeoutMs;
    let state;
    for (;;) {
      state = await page.evaluate(() => ({
        text: document.getElementById('progress')?.textContent ?? '',
        ready: document.documentElement.dataset.ready !== undefined,
        error: document.documentElement.dataset.error ?? null,
      }));
      if (state.text && polled[polled.length - 1] !== state.text) polled.push(state.text);
      if (state.ready || state.error !== null) break;
      if (Date.now() > deadline) throw new Error(`${spec.label}: not ready after ${config.timeoutMs} ms (progress "${state.text}")`);
      await new Promise((resolve) => setTimeout(resolve, config.pollMs));
    }
    if (state.error !== null) throw new Error(`${spec.label}: the page reported: ${state.error}`);
    await page.waitForTimeout(config.settleMs);

    const rec = await page.evaluate(() => {
      const probe = window.__demoLoad;
      const heatmap = window.demo.heatmap;
      const report = heatmap.levels();
      const resources = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/binance/'))
        .map((e) => ({ path: new URL(e.name).pathname.replace('/api/binance', ''), start: e.startTime, end: e.responseEnd }));
      return {
        ...probe,
        bars: heatmap.primitive.headless().length,
        candles: window.demo.candles.data().length,
        unit: report ? report.unit : null,
        status: document.getElementById('status').textContent,
        resources,
        now: performance.now(),
      };
    });
    const profileResult = cdp ? (await cdp.send('Profiler.stop')).profile : null;
    const stats = fake.stats();

    const windowEnd = rec.readyAt + config.settleMs;
    if (switchAt !== null) rec.resources = rec.resources.filter((r) => r.start >= switchAt);
    const firstKlines = switchAt ?? rec.resources.filter((r) => r.path === '/fapi/v1/klines').reduce((m, r) => Math.min(m, r.start), Infinity);
    const observed = rec.longTasks.filter((t) => t.start <= windowEnd).map((t) => ({ ...t, phase: phaseOf(t, rec) }));
    const startupTasks = observed.filter((t) => t.start < firstKlines);
    const longTasks = observed.filter((t) => t.start >= firstKlines);
    const pagesPolled = polled.map((text) => /pages (\d+) of (\d+)/.exec(text)).filter(Boolean);
    const pagesObserved = rec.progress.map((p) => /pages (\d+) of (\d+)/.exec(p.text)).filter(Boolean);
    const klineResources = rec.resources.filter((r) => r.path === '/fapi/v1/klines');
    const market = rec.resources.filter((r) => r.path !== '/fapi/v1/klines');
    const expectedPages = Math.ceil((expectedBars(spec) + 1) / 1500);

    const problems = [];
    if (rec.observer !== 'ok') problems.push(`long-task observer: ${rec.observer}`);
    if (rec.readyAt === null) problems.push('no ready time recorded');
    if (Math.abs(rec.bars - expectedBars(spec)) > 2) problems.push(`${rec.bars} bars in the model, expected about ${expectedBars(spec)}`);
    // The history pages carry no endTime; the live feed's catch-up after it connects asks for a closed range.
    const historyPages = stats.klines.filter((k) => k.endTime === undefined).length;
    if (historyPages !== expectedPages) problems.push(`${historyPages} history pages served, expected ${expectedPages}`);
    if (!/^live: /.test(rec.status)) problems.push(`status "${rec.status}", not live`);
    if (errors.length) problems.push(...errors.slice(0, 5));

    return {
      id: spec.id,
      label: spec.label,
      spec,
      profiled: profile,
      loadMs: rec.readyAt === null ? null : rec.readyAt - (switchAt ?? 0),
      bars: rec.bars,
      candles: rec.candles,
      pages: historyPages,
      catchUpRequests: stats.klinePages - historyPages,
      requests: stats.counts,
      longTasks,
      longestTaskMs: longTasks.reduce((m, t) => Math.max(m, t.duration), 0),
      startupTasks,
      startupLongestMs: startupTasks.reduce((m, t) => Math.max(m, t.duration), 0),
      firstKlinesAt: firstKlines,
      longTasksAfterWindow: rec.longTasks.length - longTasks.length,
      progressSeen: pagesPolled.length > 0,
      progressSummary: pagesPolled.length ? `pages ${pagesPolled[0][1]}..${pagesPolled[pagesPolled.length - 1][1]} of ${pagesPolled[pagesPolled.length - 1][2]}` : '',
      progressPolled: polled,
      progressObserved: { texts: rec.progress.length, pagesTexts: pagesObserved.length, first: rec.progress[0]?.text ?? null, timeline: rec.progress },
      pagesFetchedMs: klineResources.length ? Math.max(...klineResources.map((r) => r.end)) : null,
      marketData: market,
      unit: rec.unit,
      // Open-interest history that arrived before ready should turn the levels into USD; 'heat' means it was lost.
      openInterestLost: market.some((r) => r.path === '/futures/data/openInterestHist' && r.end < rec.readyAt) && rec.unit === 'heat',
      status: rec.status,
      errors,
      marker: rec.marker,
      profile: profileResult,
      sanity: { ok: problems.length === 0, problems },
    };
  } finally {
    await context.close();
  }
}

/** One case over its loads: the worst long tasks, the median load time, every load's sanity. */
function summarise(runs) {
  const first = runs[0];
  const worst = runs.reduce((a, b) => (b.longestTaskMs > a.longestTaskMs ? b : a));
  const problems = runs.flatMap((r, i) => r.sanity.problems.map((p) => (runs.length > 1 ? `load ${i + 1}: ${p}` : p)));
  return {
    id: first.id,
    label: first.label,
    spec: first.spec,
    runs,
    bars: first.bars,
    candles: first.candles,
    pages: first.pages,
    loadMs: median(runs.map((r) => r.loadMs)),
    longTasks: runs.flatMap((r) => r.longTasks),
    longestTaskMs: worst.longestTaskMs,
    startupLongestMs: Math.max(...runs.map((r) => r.startupLongestMs)),
    progressSeen: runs.every((r) => r.progressSeen),
    progressSummary: first.progressSummary,
    sanity: { ok: problems.length === 0, problems },
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** ` (at f (file:line) <- g (file:line))`: the first frames of a page error's stack, origins dropped. */
function stackHead(stack) {
  const frames = String(stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 3)
    .map((line) => line.trim().slice(3).replace(/https?:\/\/[^/]+\//g, ''));
  return frames.length ? ` (at ${frames.join(' <- ')})` : '';
}

/** Bars the page asks for (demo/page/range.js): ceil(lookback / interval), e.g. 6M = 180 days of 5m = 51,840. */
function expectedBars(spec) {
  return Math.ceil(parseDuration(spec.range) / intervalToMs(spec.interval));
}

/**
 * Which part of the load a long task fell in, from the progress-line timeline (times recorded by a
 * MutationObserver, so inside the task that changed the text).
 */
function phaseOf(task, rec) {
  const end = task.start + task.duration;
  const firstPages = rec.progress.find((p) => /^pages /.test(p.text));
  const lastPages = [...rec.progress].reverse().find((p) => /^pages /.test(p.text));
  const firstModel = rec.progress.find((p) => /^model /.test(p.text));
  if (rec.readyAt !== null && end >= rec.readyAt) return task.start <= rec.readyAt ? 'sets ready' : 'after ready';
  if (firstModel && task.start >= firstModel.t) return 'during the model slices';
  if (lastPages && end >= lastPages.t) return 'last page received, before the first model slice';
  if (firstPages && end >= firstPages.t) return 'REST paging';
  return 'page start-up';
}

// ------------------------------------------------------------------------------------------------
// Attribution

/** Maps positions in dist/index.umd.js to src/ through its source map (null when it has none). */
function bundleMapper() {
  try {
    const map = new SourceMap(JSON.parse(readFileSync(join(REPO_ROOT, 'dist/index.umd.js.map'), 'utf8')));
    return (line, column) => {
      const entry = map.findEntry(line, column);
      if (!entry || !entry.originalSource) return null;
      const source = entry.originalSource.replace(/^.*?(?=(src|plugin)\/)/, '');
      return `${source}:${entry.originalLine + 1}`;
    };
  } catch {
    return () => null;
  }
}

/** Where a profile node's function lives: `demo/page/main.js:66`, `src/model/engine.ts:120 (bundle)`, `lightweight-charts`. */
function frameKey(callFrame, mapper) {
  const name = callFrame.functionName || '(anonymous)';
  const url = callFrame.url;
  if (!url) return name;
  let where;
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  if (path.startsWith('/vendor/')) where = `lightweight-charts:${callFrame.lineNumber + 1}`;
  else if (path.startsWith('/dist/index.umd.js')) where = mapper(callFrame.lineNumber, callFrame.columnNumber) ?? `dist/index.umd.js:${callFrame.lineNumber + 1}`;
  else if (path.startsWith('/demo/')) where = `demo/page/${path.slice('/demo/'.length)}:${callFrame.lineNumber + 1}`;
  else where = `${path}:${callFrame.lineNumber + 1}`;
  return `${name} (${where})`;
}

/**
 * Self and total time per function of the CPU-profile samples that fall inside the profiled run's long
 * tasks. The profile's clock is aligned to the page's `performance.now()` through the init script's
 * busy marker (samples inside `__benchClockMarker`).
 */
function attribute(run, config, mapper) {
  const { profile, marker } = run;
  const out = { tasks: run.longTasks.length, longestTaskMs: run.longestTaskMs, loadMs: run.loadMs, top: [], inclusive: [], perTask: [], coverage: null, problem: null };
  if (!profile || !marker) {
    out.problem = 'no profile or marker';
    return out;
  }
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isMarker = new Map();
  const markerOf = (id) => {
    if (isMarker.has(id)) return isMarker.get(id);
    const n = nodes.get(id);
    const v = n.callFrame.functionName === '__benchClockMarker' || (parent.has(id) && markerOf(parent.get(id)));
    isMarker.set(id, v);
    return v;
  };
  const times = new Float64Array(profile.samples.length);
  let t = profile.startTime;
  for (let i = 0; i < times.length; i++) times[i] = t += profile.timeDeltas[i];
  const markerTimes = [];
  for (let i = 0; i < times.length; i++) if (markerOf(profile.samples[i])) markerTimes.push(times[i]);
  if (markerTimes.length === 0) {
    out.problem = 'clock marker not found in the profile (the page ran in another renderer?)';
    return out;
  }
  const markerMid = (markerTimes[0] + markerTimes[markerTimes.length - 1]) / 2 / 1000;
  const offset = markerMid - (marker.start + marker.end) / 2; // profile ms - page ms
  const weight = (i) => (i + 1 < times.length ? times[i + 1] - times[i] : config.profileSamplingUs) / 1000;
  const stackKeys = (id) => {
    const keys = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const n = nodes.get(cur);
      if (n.callFrame.functionName !== '(root)') keys.add(frameKey(n.callFrame, mapper));
    }
    return keys;
  };
  const self = new Map();
  const total = new Map();
  let sampled = 0;
  let taskMs = 0;
  for (const task of run.longTasks) {
    const from = (task.start + offset) * 1000;
    const to = (task.start + task.duration + offset) * 1000;
    const taskSelf = new Map();
    const taskTotal = new Map();
    let lo = 0;
    while (lo < times.length && times[lo] < from) lo++;
    for (let i = lo; i < times.length && times[i] <= to; i++) {
      const w = weight(i);
      const id = profile.samples[i];
      const key = frameKey(nodes.get(id).callFrame, mapper);
      for (const m of [self, taskSelf]) m.set(key, (m.get(key) ?? 0) + w);
      for (const k of stackKeys(id)) for (const m of [total, taskTotal]) m.set(k, (m.get(k) ?? 0) + w);
      sampled += w;
    }
    taskMs += task.duration;
    out.perTask.push({
      start: task.start,
      duration: task.duration,
      phase: task.phase,
      self: top(taskSelf, 4),
      entry: top(taskTotal, 60).filter((e) => /\((demo\/page|src\/|plugin\/)/.test(e.fn)).slice(0, 4),
      vendor: top(taskTotal, 60).filter((e) => /lightweight-charts/.test(e.fn)).slice(0, 4),
    });
  }
  out.coverage = { sampledMs: sampled, taskMs };
  out.top = top(self, config.topFunctions);
  out.inclusive = top(total, 40).filter((e) => /\((demo\/page|src\/|plugin\/)/.test(e.fn)).slice(0, config.topFunctions);
  return out;
}

function top(map, n) {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, ms]) => ({ fn, ms }));
}

// ------------------------------------------------------------------------------------------------
// Notes

function caseNote(c, which = '') {
  const list = (tasks) => (tasks.length ? tasks.map((t) => `${fmt(t.duration)} at ${fmt(t.start)} (${t.phase})`).join(', ') : 'none');
  const tasks = c.spec.from
    ? `${list(c.longTasks)} (Range changed at ${fmt(c.firstKlinesAt)}; times below are from navigation, "ready" from the change)`
    : `${list(c.longTasks)}; page start-up (before the first kline request at ${fmt(c.firstKlinesAt)}): ${list(c.startupTasks)}`;
  const market = c.marketData.map((r) => `${r.path.split('/').pop()} at ${fmt(r.end)}`).join(', ');
  return (
    `${c.label}${which}: ${c.bars} bars (${c.candles} candles in the chart), ${c.pages} kline pages (last answered at ${fmt(c.pagesFetchedMs)}), ready at ${fmt(c.loadMs)}; ` +
    `long tasks while loading: ${tasks}; progress line: ${c.progressObserved.texts} texts (${c.progressObserved.pagesTexts} "pages"), polled ${c.progressPolled.length} distinct` +
    `${c.progressPolled.length ? ` ("${c.progressPolled[0]}" .. "${c.progressPolled[c.progressPolled.length - 1]}")` : ''}; ` +
    `market data answered: ${market || 'none'}; levels unit after settling: ${c.unit}` +
    `${c.openInterestLost ? ' (open-interest history answered before ready, yet the levels are in heat: it was not applied)' : ''}; ` +
    `status after settling: "${c.status}"; errors: ${c.errors.length ? c.errors.join(' | ') : 'none'}.`
  );
}

function attributionNote(c) {
  const a = c.attribution;
  if (a.problem) return `${c.label} profile: ${a.problem}.`;
  const list = (entries) => entries.map((e) => `${e.fn} ${fmt(e.ms)}`).join('; ');
  const perTask = a.perTask
    .map((t) => `${fmt(t.duration)} (${t.phase}): self ${list(t.self)}; inside ${[list(t.entry), list(t.vendor)].filter(Boolean).join('; ') || '-'}`)
    .join(' || ');
  return (
    `${c.label} profiled run (CPU profiler on, lightweight-charts' development build for names, whose data checks such as checkSeriesValuesType / checkBarItem the production build leaves out, ${a.tasks} long task(s), longest ${fmt(a.longestTaskMs)}, ready at ${fmt(a.loadMs)}; ` +
    `${fmt(a.coverage.sampledMs)} sampled of ${fmt(a.coverage.taskMs)} in long tasks): top self time: ${list(a.top)}. ` +
    `Project functions by total time: ${list(a.inclusive)}. Per task: ${perTask}.`
  );
}

/** A longest task: the long-task API reports only tasks over 50 ms, so 0 means none over 50 ms. */
function taskFmt(ms) {
  return ms > 0 ? fmt(ms) : 'none > 50 ms';
}

function fmt(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '-';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
}

/** The first lines of an error, on one line, at most 400 characters. */
function oneLine(error) {
  const text = String(error?.message ?? error).split('\n').filter((line) => line.trim()).slice(0, 3).join(' | ');
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
}
