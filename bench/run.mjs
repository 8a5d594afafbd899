#!/usr/bin/env node
/**
 * `npm run bench`: builds, then runs every benchmark section and prints a markdown report;
 * `--json` prints one JSON object instead; `--quick` does far fewer runs (smoke test, figures not
 * meaningful). Progress goes to stderr. Each section is a function returning a report section
 * (see report.mjs): the model benchmark (Node), the render benchmark and the demo under load (the
 * real demo server and page loading a 6M lookback from a fake Binance; both headless Chromium, skipped
 * with the reason when chromium is missing).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { machineInfo } from './machine-info.mjs';
import { runDemoLoadBench } from './demo-load-bench.mjs';
import { runModelBench } from './model-bench.mjs';
import { runRenderBench } from './render-bench.mjs';
import { formatJson, formatMarkdown } from './report.mjs';

const SECTIONS = [runModelBench, runRenderBench, runDemoLoadBench];

const KNOWN = new Set(['--json', '--quick']);
const args = process.argv.slice(2);
for (const arg of args) {
  if (!KNOWN.has(arg)) {
    process.stderr.write(`bench: unknown argument ${arg} (known: ${[...KNOWN].join(', ')})\n`);
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
for (const run of SECTIONS) sections.push(await run({ quick, log }));

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
