/* global window, document -- the page.evaluate callbacks run in the page */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/browser/static-server.mjs';
import { HISTORY_MS } from '../../test/demo/fake-binance.mjs';
import { DEFAULT_TIERS, historyNeededMs, intervalToMs, modelIntervalFor, parseDuration } from '../../dist/core.mjs';
import { stackHead } from './format.mjs';
import { installProbe } from './page-probe.mjs';
import { phaseOf } from './phase-of.mjs';

/**
 * Loads one case once in a fresh browser context: opens (or, for a switch case, switches) the demo page,
 * polls the progress line until ready, watches `settleMs` more and returns the measured load with its
 * sanity (and, when `profile`, the CPU profile and the clock marker).
 */
export async function loadOnce(browser, demoUrl, fake, spec, config, { profile }) {
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

/**
 * Bars the model reads: the lookback the page shows (demo/page/range.js) plus the model's two warm-ups
 * (`historyNeededMs`), in klines of the model's interval (15m under 15m-1d charts), as far back as the
 * stand-in has bars (200 days): 6M of 5m is then 57,600 bars, 6M under a 1h chart 19,200 bars of 15m.
 */
function expectedBars(spec) {
  const modelMs = intervalToMs(modelIntervalFor(spec.interval));
  return Math.ceil(Math.min(parseDuration(spec.range) + historyNeededMs(DEFAULT_TIERS), HISTORY_MS) / modelMs);
}
