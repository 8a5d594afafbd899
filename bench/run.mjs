#!/usr/bin/env node
/**
 * `npm run bench`: builds, then runs every benchmark section and prints a markdown report;
 * `--json` prints one JSON object instead; `--quick` does far fewer runs (smoke test, figures not
 * meaningful); `--only <section>` (repeatable) runs just that section: model, render, render-pan,
 * demo-load, evaluate (`npm run bench -- --only render-pan`). Progress goes to stderr. Each section is a function returning a report section
 * (see report.mjs): the model benchmark (Node), the render benchmark, panning with the overlay shown vs
 * hidden, and the demo under load (the
 * real demo server and page loading a 6M lookback from a fake Binance; both headless Chromium, skipped
 * with the reason when chromium is missing), and `liq-heatmap evaluate` on the development corpus
 * (skipped when ../shared is absent).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { machineInfo } from './machine-info.mjs';
import { runDemoLoadBench } from './demo-load-bench.mjs';
import { runEvaluateBench } from './evaluate-bench.mjs';
import { runModelBench } from './model-bench.mjs';
import { runRenderBench } from './render-bench.mjs';
import { runRenderPanBench } from './render-pan-bench.mjs';
import { formatJson, formatMarkdown } from './report.mjs';

/** Sections by the name `--only` takes, in report order. */
const SECTIONS = { model: runModelBench, render: runRenderBench, 'render-pan': runRenderPanBench, 'demo-load': runDemoLoadBench, evaluate: runEvaluateBench };

const KNOWN = new Set(['--json', '--quick']);
const args = process.argv.slice(2);
const only = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--only' || arg.startsWith('--only=')) {
    const name = arg === '--only' ? args[++i] : arg.slice('--only='.length);
    if (!(name in SECTIONS)) {
      process.stderr.write(`bench: --only ${name ?? ''}: unknown section (known: ${Object.keys(SECTIONS).join(', ')})\n`);
      process.exit(2);
    }
    only.push(name);
  } else if (!KNOWN.has(arg)) {
    process.stderr.write(`bench: unknown argument ${arg} (known: ${[...KNOWN].join(', ')}, --only <section>)\n`);
    process.exit(2);
  }
}
const json = args.includes('--json');
const quick = args.includes('--quick');
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const machine = machineInfo();
const started = performance.now();
const sections = [];
for (const [name, run] of Object.entries(SECTIONS)) {
  if (only.length === 0 || only.includes(name)) sections.push(await run({ quick, log }));
}

const result = {
  package: pkg.name,
  version: pkg.version,
  date: new Date().toISOString(),
  quick,
  machine,
  note:
    `Absolute times on a shared ${machine.cores}-core machine are noisy; the speed-up ratio ` +
    '(baseline / model, both timed in the same process and run) is the figure that matters.' +
    (quick ? ' QUICK RUN: too few runs for meaningful figures.' : ''),
  totalSeconds: (performance.now() - started) / 1000,
  sections,
};
process.stdout.write(json ? formatJson(result) : formatMarkdown(result));
if (sections.some((section) => section.sane === false)) process.exitCode = 1;
