/**
 * Panning benchmark, in headless Chromium: what the overlay adds to lightweight-charts' repaint while
 * the user pans. One chart per case (bench/render/pan-bench.{html,js}); each frame pans one bar and
 * lightweight-charts repaints; its paint (the animation-frame callback it draws in, plus a 1-pixel
 * getImageData of the pane so the raster is counted) is timed with the overlay shown and hidden on the
 * same chart over the same bars: an A/B, in alternating blocks of a few frames so that both halves see
 * the same load on a shared machine. Three rounds; per round the overlay's cost is the difference of
 * the medians, reported as the median and spread (min-max) over the rounds.
 * Returns one report section (see report.mjs); without chromium it is skipped with the reason.
 */
/* global window -- the page.evaluate callbacks run in the page */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { browserScaleFactor, chromiumAvailable, chromiumMissingReason, launchChromium } from '../test/browser/chromium.mjs';
import { REPO_ROOT, startStaticServer } from '../test/browser/static-server.mjs';
import { openBenchPage } from './bench-page.mjs';
import { withFrameCpu } from './render-pan-trace.mjs';
import { summarize } from './stats.mjs';
import { PAN_TARGETS } from './targets.mjs';

const TITLE = 'Render: panning, overlay shown vs hidden (full repaint per frame, one bar a frame, 500 rows)';

export const PAN_BENCH_CONFIG = {
  rows: 500,
  rounds: 3,
  /** Frames of each side per round: at 5,000 bars a repaint takes 10-15 ms and varies by several ms, so fewer frames leave the difference of medians a millisecond wide. */
  frames: 360,
  /** Frames per block of one side of the A/B, and the untimed frames before each block. */
  block: 10,
  settle: 3,
  cases: [
    { id: 'pan-500-dpr1', label: '500 bars, 1200x700 DPR 1', visible: 500, width: 1200, height: 700, dpr: 1 },
    { id: 'pan-5000-dpr1', label: '5000 bars, 1200x700 DPR 1', visible: 5000, width: 1200, height: 700, dpr: 1 },
    { id: 'pan-500-dpr2', label: '500 bars, 1200x700 DPR 2', visible: 500, width: 1200, height: 700, dpr: 2 },
    { id: 'pan-5000-dpr2', label: '5000 bars, 1200x700 DPR 2', visible: 5000, width: 1200, height: 700, dpr: 2 },
  ],
};

export async function runRenderPanBench({ quick = false, log = () => {} } = {}) {
  const config = quick ? { ...PAN_BENCH_CONFIG, frames: 20 } : PAN_BENCH_CONFIG;
  const columns = ['Case', 'Shown: paint median (rounds)', 'Hidden: paint median (rounds)', 'Overlay adds: median (min-max of rounds)', 'Adds, main-thread CPU: median (min-max)'];
  const base = { id: 'render-pan', title: TITLE, columns, config };
  if (!chromiumAvailable()) return { ...base, skipped: chromiumMissingReason(), rows: [], notes: [], sane: null };
  const missing = ['dist/index.umd.js', 'node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js'].filter((file) => !existsSync(join(REPO_ROOT, file)));
  if (missing.length) return { ...base, skipped: `missing ${missing.join(', ')} (run \`npm run build\` / \`npm ci\`)`, rows: [], notes: [], sane: null };

  const server = await startStaticServer({ crossOriginIsolated: true });
  const cases = [];
  try {
    for (const dpr of [...new Set(config.cases.map((c) => c.dpr))]) {
      log(`render-pan: launching chromium at device scale factor ${dpr}`);
      const browser = await launchChromium({ deviceScaleFactor: dpr });
      try {
        for (const spec of config.cases.filter((c) => c.dpr === dpr)) cases.push(await runCase(browser, server, spec, config, log));
      } finally {
        await browser.close();
      }
    }
  } catch (error) {
    return { ...base, error: String(error?.message ?? error).split('\n')[0], rows: [], notes: [], sane: false, cases };
  } finally {
    await server.close();
  }

  const rows = cases.map((c) => {
    const maxMs = PAN_TARGETS.maxAddedMsByDpr[c.dpr];
    const targets = [{ text: `adds <= ${maxMs} ms`, met: c.added.median <= maxMs }];
    return {
      id: c.id,
      label: c.label,
      cells: [c.label, roundsText(c.shown), roundsText(c.hidden), spreadText(c.added), c.addedCpu ? spreadText(c.addedCpu) : 'n/a'],
      targets,
      target: { text: targets[0].text, met: targets[0].met },
    };
  });
  const first = cases[0]?.info;
  return {
    ...base,
    rows,
    notes: [
      `Each frame: \`timeScale().setVisibleLogicalRange\` one bar further (left, then back), lightweight-charts repaints in its animation frame; ` +
        `timed: that callback plus a 1-pixel \`getImageData\` of the pane canvas (forces the raster), ${config.frames} frames of each side per round. ` +
        `Shown: \`createLiquidationHeatmap(series, { model: { rows: ${config.rows} } })\` with heatmap and levels; hidden: \`applyOptions({ heatmapVisible: false, levelsVisible: false })\` on the same chart.`,
      `Per round the same bars are panned shown and hidden in alternating blocks of ${config.block} frames (which goes first alternates; ${config.settle} untimed frames before each block), ` +
        `so both sides see the same load; the overlay's cost is median(shown) - median(hidden); ${config.rounds} rounds, ` +
        `the table gives the median of the rounds and their spread. Chromium ${first?.browserVersion ?? '?'} headless, software raster; ` +
        `cross-origin isolated: ${cases.every((c) => c.info.crossOriginIsolated) ? 'yes (5 µs timer)' : 'NO (100 µs timer)'}.`,
      `The last column is the same difference in the renderer main thread's CPU time of each frame (\`tdur\` of its \`FireAnimationFrame\` in Chromium's trace, recorded during the runs): ` +
        `it leaves out the time other jobs on the machine took the core, which the wall-clock paint times include.`,
      `Targets (issue): the overlay adds at most ${PAN_TARGETS.maxAddedMsByDpr[1]} ms per repaint at DPR 1 and ${PAN_TARGETS.maxAddedMsByDpr[2]} ms at DPR 2.`,
    ],
    sane: cases.every((c) => c.errors.length === 0),
    cases,
  };
}

function ms(value, withUnit = true) {
  return `${value.toFixed(2)}${withUnit ? ' ms' : ''}`;
}

function spreadText(s) {
  return `${ms(s.median)} (${ms(s.min, false)} to ${ms(s.max)})`;
}

function roundsText(medians) {
  return `${ms(summarize(medians).median)} (${medians.map((m) => m.toFixed(2)).join(' / ')})`;
}

async function runCase(browser, server, spec, config, log) {
  const query = new URLSearchParams({ visible: spec.visible, width: spec.width, height: spec.height, rows: config.rows });
  log(`render-pan ${spec.id}: loading the page`);
  const { context, page, errors } = await openBenchPage(browser, { url: `${server.url}/bench/pan-bench.html?${query}`, spec, timeoutMs: 120_000, scale: browserScaleFactor(browser) });
  try {
    const info = await page.evaluate(() => window.panBench.info());
    info.browserVersion = browser.version();
    if (info.devicePixelRatio !== spec.dpr) throw new Error(`${spec.id}: devicePixelRatio ${info.devicePixelRatio}, expected ${spec.dpr}`);
    const shown = [];
    const hidden = [];
    const added = [];
    const addedCpu = [];
    for (let round = 0; round < config.rounds; round++) {
      const { result: samples, cpuMs } = await withFrameCpu(page, () => page.evaluate((opts) => window.panBench.panAB(opts), { frames: config.frames, block: config.block, settle: config.settle }));
      const on = summarize(samples.shown).median;
      const off = summarize(samples.hidden).median;
      shown.push(on);
      hidden.push(off);
      added.push(on - off);
      const cpu = (ids) => ids.map(cpuMs).filter((v) => v !== null);
      const [cpuOn, cpuOff] = [cpu(samples.shownIds), cpu(samples.hiddenIds)];
      if (cpuOn.length && cpuOff.length) addedCpu.push(summarize(cpuOn).median - summarize(cpuOff).median);
      log(`render-pan ${spec.id} round ${round + 1}: shown ${on.toFixed(2)} ms, hidden ${off.toFixed(2)} ms (${samples.shown.length} / ${samples.hidden.length} frames); main-thread CPU shown ${cpuOn.length ? summarize(cpuOn).median.toFixed(2) : '?'} ms, hidden ${cpuOff.length ? summarize(cpuOff).median.toFixed(2) : '?'} ms`);
    }
    return { id: spec.id, label: spec.label, dpr: spec.dpr, info, shown, hidden, added: summarize(added), addedCpu: addedCpu.length === config.rounds ? summarize(addedCpu) : null, errors };
  } finally {
    await context.close();
  }
}
