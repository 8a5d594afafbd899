/**
 * Render benchmark, in headless Chromium: the overlay's real heatmap renderer (`drawBackground` of the
 * renderer the primitive hands lightweight-charts) against the per-cell `fillRect` drawing of
 * lightweight-charts' heatmap-series plugin example, same visible cells, same bitmap, same run.
 * The page is bench/render/render-bench.{html,js}, served by the browser tests' static server under
 * /bench/; chromium is launched by the browser tests' launcher (one browser per device pixel ratio).
 * Returns one report section (see report.mjs); without chromium the section is skipped with the reason.
 */
/* global window -- the page.evaluate callbacks run in the page */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { browserScaleFactor, chromiumAvailable, chromiumMissingReason, launchChromium } from '../test/browser/chromium.mjs';
import { REPO_ROOT, startStaticServer } from '../test/browser/static-server.mjs';
import { openBenchPage } from './bench-page.mjs';
import { summarize } from './stats.mjs';
import { RENDER_TARGETS, renderTargetsFor } from './targets.mjs';

const TITLE = 'Render: heatmap draw per frame (500 rows, headless Chromium)';

/** Cases (table order) and frame counts; warm-up frames are extra and untimed. */
export const RENDER_BENCH_CONFIG = {
  rows: 500,
  cases: [
    { id: 'draw-500-dpr1', label: '500 bars, 1200x700 DPR 1', bars: 500, visible: 500, width: 1200, height: 700, dpr: 1 },
    { id: 'draw-500-dpr2', label: '500 bars, 2400x1400 (DPR 2)', bars: 500, visible: 500, width: 1200, height: 700, dpr: 2 },
    { id: 'draw-5000-dpr1', label: '5000 bars zoomed out, 1200x700 DPR 1', bars: 5000, visible: 5000, width: 1200, height: 700, dpr: 1 },
  ],
  /** The overlay: exactly `frames` timed frames. */
  overlay: { warmup: 30, minFrames: 200, maxFrames: 200, budgetMs: 0 },
  /** The baseline: at least `minFrames`, then more while under `budgetMs` of frame time, at most `maxFrames`. */
  baseline: { warmup: 2, minFrames: 5, maxFrames: 100, budgetMs: 3000 },
  /** Diagnostics around the draw (notes only): updateAllViews calls, full repaints, ticks of the forming bar. */
  extras: { views: 50, repaints: 10, ticks: 60 },
};

const QUICK = {
  overlay: { warmup: 3, minFrames: 20, maxFrames: 20, budgetMs: 0 },
  baseline: { warmup: 1, minFrames: 2, maxFrames: 5, budgetMs: 200 },
  extras: { views: 5, repaints: 2, ticks: 5 },
};

export async function runRenderBench({ quick = false, log = () => {} } = {}) {
  const config = quick ? { ...RENDER_BENCH_CONFIG, ...QUICK } : RENDER_BENCH_CONFIG;
  const base = { id: 'render', title: TITLE, subjectLabel: 'Overlay draw', baselineLabel: 'fillRect baseline', config };

  if (!chromiumAvailable()) return { ...base, skipped: chromiumMissingReason(), rows: [], notes: [], sane: null };
  const missing = ['dist/index.umd.js', 'node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js'].filter(
    (file) => !existsSync(join(REPO_ROOT, file)),
  );
  if (missing.length) return { ...base, skipped: `missing ${missing.join(', ')} (run \`npm run build\` / \`npm ci\`)`, rows: [], notes: [], sane: null };

  const server = await startStaticServer({ crossOriginIsolated: true });
  const cases = [];
  try {
    for (const dpr of [...new Set(config.cases.map((c) => c.dpr))]) {
      log(`render: launching chromium at device scale factor ${dpr}`);
      const browser = await launchChromium({ deviceScaleFactor: dpr });
      try {
        for (const spec of config.cases.filter((c) => c.dpr === dpr)) cases.push(await runCase(browser, server, spec, config, log));
      } finally {
        await browser.close();
      }
    }
  } catch (error) {
    return { ...base, error: oneLine(error), rows: [], notes: [], sane: false, cases };
  } finally {
    await server.close();
  }
  cases.sort((a, b) => config.cases.findIndex((c) => c.id === a.id) - config.cases.findIndex((c) => c.id === b.id));

  const rows = cases.map((c) => {
    const row = { id: c.id, label: c.label, unit: 'ms', model: strip(c.overlay), baseline: strip(c.baseline), ratio: c.baseline.median / c.overlay.median };
    row.targets = renderTargetsFor(row, c.dpr);
    row.target = { text: row.targets.map((t) => t.text).join('; '), met: row.targets.every((t) => t.met) };
    return row;
  });
  const sane = cases.every((c) => c.sanity.ok);
  const info = cases.map((c) => c.info);
  const first = info[0];
  return {
    ...base,
    rows,
    notes: [
      `Overlay: \`heatmap.primitive.updateAllViews()\`, then \`paneViews()[0].renderer().drawBackground(target)\` of a chart made by ` +
        `\`createLiquidationHeatmap(series, { model: { rows: ${config.rows} } })\` on \`syntheticKlines(n)\` candles, n = visible bars, ` +
        `visible logical range set to the last n bars; \`target\` implements fancy-canvas' \`useBitmapCoordinateSpace\` over a separate ` +
        `canvas of the pane's bitmap size (${info.map((i) => `${i.pane.bitmap.width}x${i.pane.bitmap.height}`).join(', ')}). ` +
        `Median (min-max) of ${config.overlay.minFrames} frames after ${config.overlay.warmup} warm-up frames.`,
      `Baseline: the same visible cells drawn as lightweight-charts' heatmap-series plugin example does (one \`fillStyle\` + \`fillRect\` ` +
        `per non-transparent cell, \`fullBarWidth\` / \`positionsBox\` rounding), same bitmap, intensity = (long + short) / the overlay's ` +
        `reference (98th percentile of visible non-zero cells, sampled and stepped as the overlay does), cells below ${first ? first.threshold : '?'} (the overlay's threshold) skipped, ` +
        `colour from the 5-stop purple-blue-green-yellow ramp; rgba strings cached per colour and geometry precomputed, so the timed frame ` +
        `is fillStyle + fillRect only and zero-width (sub-pixel) columns are left out: favours the baseline. ` +
        `Frames: at least ${config.baseline.minFrames}, more up to ${config.baseline.maxFrames} while under ${config.baseline.budgetMs} ms ` +
        `(${cases.map((c) => c.baseline.runs).join('/')}), after ${config.baseline.warmup} warm-up frame(s).`,
      `Every frame: \`clearRect\`, draw, 1-pixel \`getImageData\` (forces the raster; canvas \`willReadFrequently: false\`), timed with ` +
        `\`performance.now()\` in the page (cross-origin isolated: ${info.every((i) => i.crossOriginIsolated) ? 'yes, 5 µs timer' : 'NO, 100 µs timer'}). ` +
        `Chromium ${first ? first.browserVersion : '?'} headless, \`--disable-gpu\` (software raster); DPR 2 is its own launch with \`--force-device-scale-factor=2\`.`,
      `Per case (visible columns x model rows in the pane; fillRects / coloured cells; overlay drawImage calls): ` +
        cases
          .map((c) => `${c.label}: ${c.info.visibleColumns} x ${c.info.rowsInPane}; ${c.info.fillRects} / ${c.info.colouredCells}; ${c.sanity.overlay.calls.drawImage}`)
          .join('; ') +
        '.',
      `Floor and surroundings (medians; not part of the comparison): empty frame (clearRect + 1-pixel getImageData); ` +
        `\`updateAllViews()\` with nothing changed; full cell-image repaint + draw (a paint option changed); tick of the forming bar ` +
        `(\`update(kline)\` + \`updateAllViews()\` + draw): ` +
        cases
          .map((c) => `${c.label}: ${ms(c.empty.median)} / ${ms(c.extras.updateAllViews.median)} / ${ms(c.extras.repaintFrame.median)} / ${ms(c.extras.tickFrame.median)}`)
          .join('; ') +
        '.',
      `Targets (issue): overlay median <= ${RENDER_TARGETS.maxMsByDpr[1]} ms at DPR 1, <= ${RENDER_TARGETS.maxMsByDpr[2]} ms at DPR 2, ` +
        `>= ${RENDER_TARGETS.minRatio}x faster than the baseline.`,
      `Sanity (overlay and baseline both put coloured pixels in the canvas, counts within 2x of each other, no page errors): ` +
        (sane ? 'ok' : 'FAILED') +
        ` (non-transparent pixels overlay / baseline: ${cases.map((c) => `${c.sanity.overlay.colouredPixels} / ${c.sanity.baseline.colouredPixels}`).join(', ')}).`,
    ],
    sane,
    cases,
  };
}

/** The first lines of an error, on one line, at most 400 characters. */
function oneLine(error) {
  const text = String(error?.message ?? error).split('\n').filter((line) => line.trim()).slice(0, 3).join(' | ');
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
}

function ms(value) {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

function strip({ median, min, max, runs }) {
  return { median, min, max, runs };
}

async function runCase(browser, server, spec, config, log) {
  const query = new URLSearchParams({ bars: spec.bars, visible: spec.visible, width: spec.width, height: spec.height, rows: config.rows });
  log(`render ${spec.id}: loading the page`);
  const { context, page, errors } = await openBenchPage(browser, { url: `${server.url}/bench/render-bench.html?${query}`, spec, timeoutMs: 60_000, scale: browserScaleFactor(browser) });
  try {
    const info = await page.evaluate(() => window.renderBench.info());
    info.browserVersion = browser.version();
    if (info.devicePixelRatio !== spec.dpr) throw new Error(`${spec.id}: devicePixelRatio ${info.devicePixelRatio}, expected ${spec.dpr}`);
    const sanity = {
      overlay: await page.evaluate(() => window.renderBench.inspect('overlay')),
      baseline: await page.evaluate(() => window.renderBench.inspect('baseline')),
    };

    log(`render ${spec.id}: overlay, ${config.overlay.minFrames} frames`);
    const overlaySamples = await page.evaluate((opts) => window.renderBench.measure('overlay', opts), config.overlay);
    log(`render ${spec.id}: baseline, ${info.fillRects} fillRects a frame`);
    const baselineSamples = await page.evaluate((opts) => window.renderBench.measure('baseline', opts), config.baseline);

    const emptySamples = await page.evaluate((opts) => window.renderBench.measure('empty', opts), config.overlay);
    log(`render ${spec.id}: extras (updateAllViews, repaint, tick)`);
    const extras = await page.evaluate((opts) => window.renderBench.extras(opts), config.extras);

    const o = sanity.overlay.colouredPixels;
    const b = sanity.baseline.colouredPixels;
    sanity.errors = errors.slice();
    sanity.ok = o > 0 && b > 0 && o <= 2 * b && b <= 2 * o && errors.length === 0;
    const overlay = { ...summarize(overlaySamples), samples: overlaySamples };
    const baseline = { ...summarize(baselineSamples), samples: baselineSamples };
    log(`render ${spec.id}: overlay ${overlay.median.toFixed(3)} ms, baseline ${baseline.median.toFixed(1)} ms`);
    const empty = summarize(emptySamples);
    return { id: spec.id, label: spec.label, dpr: spec.dpr, spec, info, overlay, baseline, ratio: baseline.median / overlay.median, empty, extras, sanity };
  } catch (error) {
    if (errors.length && error instanceof Error) error.message += `\npage problems:\n${errors.join('\n')}`;
    throw error;
  } finally {
    await context.close();
  }
}
