/**
 * `liq-heatmap evaluate` over the whole development corpus (`../shared/data/binance`: the liquidation
 * orders of 8 days and the klines directory), run as a user runs it (the built CLI in a child process,
 * wall-clock time): the plain run, and (not in a quick run) the README's leave-one-day-out run over
 * 1,152 settings. Issue 13's target: the whole corpus in under 2 minutes. Returns one report section
 * (see report.mjs); without `../shared` it is skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../test/browser/static-server.mjs';
import { summarize } from './stats.mjs';

const SHARED = join(REPO_ROOT, '..', 'shared', 'data', 'binance');
const LIQUIDATIONS = join(SHARED, 'liquidations', 'forceOrder_multi_dev.csv');
const KLINES = join(SHARED, 'klines');
const TARGET_MS = 120_000;

/** The README's grid (docs/model.md section 15). */
const README_GRID = [
  'model.sweep=wick-partial,wick-taper,body',
  'model.intrabarSweep=off,path',
  'model.forwardFlowHours=0,2',
  'model.leverageSpread=1,5',
  'model.sideSplit=bar,even',
  'levels.zoneMassShare=0,0.25,0.4,0.5,0.6,0.75',
  'levels.zoneBase=zero,valley',
  'levels.rankBy=size,peak',
].flatMap((g) => ['--grid', g]);

const CASES = [
  { id: 'evaluate-corpus', label: 'whole corpus, default settings', args: [], runs: 3, quickRuns: 1 },
  { id: 'evaluate-cv-1152', label: 'whole corpus, --cv day over the README grid (1,152 settings)', args: ['--cv', 'day', ...README_GRID], runs: 1, quickRuns: 0 },
];

export async function runEvaluateBench({ quick = false, log = () => {} } = {}) {
  const base = { id: 'evaluate', title: 'Evaluate: `liq-heatmap evaluate` on the development corpus (built CLI, wall clock)', columns: ['Case', 'Runs', 'Median (min-max)'] };
  const cli = join(REPO_ROOT, 'dist', 'cli.mjs');
  if (!existsSync(LIQUIDATIONS) || !existsSync(KLINES)) return { ...base, skipped: `${LIQUIDATIONS} is absent (real data lives in ../shared beside the project)`, rows: [], notes: [], sane: null };
  if (!existsSync(cli)) return { ...base, skipped: 'missing dist/cli.mjs (run `npm run build`)', rows: [], notes: [], sane: null };
  const rows = [];
  for (const c of CASES) {
    const runs = quick ? c.quickRuns : c.runs;
    if (runs === 0) continue;
    const samples = [];
    for (let i = 0; i < runs; i++) {
      log(`evaluate: ${c.label} (run ${i + 1} of ${runs})`);
      const t0 = performance.now();
      execFileSync(process.execPath, [cli, 'evaluate', '--liquidations', LIQUIDATIONS, '--klines', KLINES, ...c.args, '--json'], { maxBuffer: 1 << 28 });
      samples.push(performance.now() - t0);
    }
    const s = summarize(samples);
    const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
    const targets = c.id === 'evaluate-corpus' ? [{ text: `< ${TARGET_MS / 1000} s`, met: s.median < TARGET_MS }] : [];
    rows.push({ id: c.id, label: c.label, cells: [c.label, String(s.runs), `${seconds(s.median)} (${seconds(s.min)}-${seconds(s.max)})`], targets, ...(targets[0] ? { target: targets[0] } : {}) });
  }
  return {
    ...base,
    rows,
    notes: [
      'Each run: `node dist/cli.mjs evaluate --liquidations ../shared/data/binance/liquidations/forceOrder_multi_dev.csv --klines ../shared/data/binance/klines [...] --json` in a child process, from start to exit (reading the files, one model build per window and distinct model options, the bootstrap and the jitter draws).',
      'Target (issue 13): the whole development corpus in under 2 minutes.',
    ],
    sane: true,
  };
}
