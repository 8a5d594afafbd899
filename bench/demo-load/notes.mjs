import { DEMO_LOAD_TARGETS } from '../targets.mjs';
import { fmt } from './format.mjs';

/** The section's notes: the method, the targets, one note per load, the attributions and the sanity verdict. */
export function demoLoadNotes(cases, config, quick, sane) {
  return [
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
}

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
