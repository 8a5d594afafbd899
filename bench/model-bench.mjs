/**
 * Model benchmark: full recompute (`setData`) and per-tick update of the forming bar at 1.5k, 5k and
 * 20k bars x 500 rows, against the naive `exp()`-per-bucket baseline timed in the same process.
 * Returns one report section (see report.mjs).
 */
import { DEFAULT_MODEL_OPTIONS, LiquidationModel } from '../dist/core.mjs';
import { benchSeries } from './bench-series.mjs';
import { NaiveHeatmap, barFromKline } from './naive-baseline.mjs';
import { baselineAgrees, columnsSane, MASS_TOLERANCE, modelSane, SHAPE_TOLERANCE } from './sanity.mjs';
import { timeBatches, timeRuns } from './stats.mjs';
import { MODEL_TARGETS, targetFor } from './targets.mjs';
import { tickKlines } from './tick-klines.mjs';

const ROWS = 500;
/** Columns a chart draws first: the last ones, at least a wide screen's worth. */
const SCREEN = 500;

/** Sizes and run counts (warm-up runs are extra and untimed). */
export const MODEL_BENCH_CONFIG = {
  rows: ROWS,
  sizes: [
    { n: 1500, label: '1.5k', modelRuns: 15, baselineRuns: 7 },
    { n: 5000, label: '5k', modelRuns: 15, baselineRuns: 5 },
    { n: 20000, label: '20k', modelRuns: 9, baselineRuns: 3 },
  ],
  modelWarmup: 3,
  baselineWarmup: 1,
  modelTicks: 20000,
  modelTickBatches: 10,
  baselineTicks: 3000,
  baselineTickBatches: 6,
  /** The size whose tick figures go in the table. */
  tableTickSize: 20000,
};

/** Quick settings for smoke runs (`--quick`): same shape, far fewer runs. */
const QUICK = { modelWarmup: 1, baselineWarmup: 0, modelTicks: 2000, modelTickBatches: 4, baselineTicks: 200, baselineTickBatches: 2, runs: 2 };

export function runModelBench({ quick = false, log = () => {} } = {}) {
  const base = MODEL_BENCH_CONFIG;
  const config = quick
    ? { ...base, ...QUICK, sizes: base.sizes.map((s) => ({ ...s, modelRuns: QUICK.runs, baselineRuns: 1 })) }
    : base;
  const sizes = [];
  for (const size of config.sizes) {
    sizes.push(benchSize(size, config, log));
  }
  const rows = sizes.map((s) => row(`recompute-${s.n}`, `${s.label} x ${ROWS}, every column built`, 'ms', s.recompute.model, s.recompute.baseline));
  for (const s of sizes.filter((x) => x.n >= 5000)) {
    rows.push(row(`ready-${s.n}`, `${s.label} x ${ROWS}, ready to draw (last ${SCREEN} columns built)`, 'ms', s.ready.model, s.recompute.baseline));
  }
  const tickSize = sizes.find((s) => s.n === config.tableTickSize) ?? sizes[sizes.length - 1];
  rows.push(row(`tick-${tickSize.n}`, `tick (${tickSize.label})`, 'µs', tickSize.tick.model, tickSize.tick.baseline));
  const sane = sizes.every(
    ({ sanity: { model, baseline } }) =>
      model.finite && model.positive && model.afterTicks && model.everyTickForming && baseline.finite && baseline.positive && baseline.sameGrid && baseline.agrees,
  );
  const o = DEFAULT_MODEL_OPTIONS;
  const gaps = (key) => Math.max(...sizes.flatMap(({ sanity: { baseline } }) => [baseline.long[key], baseline.short[key]]));
  return {
    id: 'model',
    title: `Model: full recompute and per-tick update (${ROWS} rows, Node)`,
    subjectLabel: 'Model',
    baselineLabel: 'Naive baseline',
    rows,
    notes: [
      `Model: \`new LiquidationModel({ rows: ${ROWS} })\`, median (min-max) over ` +
        `${config.sizes.map((s) => s.modelRuns).join('/')} runs after ${config.modelWarmup} untimed warm-up run(s); input \`syntheticKlines(n)\` (1h random walk). ` +
        `The model builds a column when it is first read (from a checkpoint of its state at most 64 bars before it), so each run is ` +
        `\`setData(series)\` plus \`columnAt(i)\` of every column ("every column built": the baseline's work) or of the last ${SCREEN} ` +
        `("ready to draw": what a chart reads first; its speed-up compares it with the baseline's full recompute, which builds every column).`,
      `Baseline (bench/naive-baseline.mjs): the same model done naively: the default ${o.tiers.length} tiers spread over the same ` +
        `${o.leverageSpread} leverages each, their weights, half-lives, MMR, sweep rule, side split and the ${o.forwardFlowHours} h forward flow; one dense ` +
        `Float64Array per spread tier and side, eager decay of every bucket, a Gaussian \`exp()\` at every bucket of every ` +
        `spread tier per bar for the new positions and again for the flow; ` +
        `${config.sizes.map((s) => s.baselineRuns).join('/')} runs after ${config.baselineWarmup} untimed warm-up run(s).`,
      `Tick: ${config.modelTicks} \`model.update()\` calls of the forming bar (close inside and slightly beyond its range) in ` +
        `${config.modelTickBatches} batches, median µs per tick; baseline tick = copy state + one naive step (${config.baselineTicks} ticks).`,
      `Sanity (every column finite and non-zero for model and baseline, same grid, every tick took the forming path; ` +
        `the baseline's columns agree with the model's: total mass per side within ${MASS_TOLERANCE * 100} %, every column's ` +
        `shape within ${SHAPE_TOLERANCE} in half-L1 distance): ${sane ? 'ok' : 'FAILED'} ` +
        `(largest mass gap ${(gaps('massGap') * 100).toFixed(2)} %, largest shape gap ${gaps('shapeGap').toFixed(3)}).`,
    ],
    sane,
    config,
    sizes,
  };
}

function row(id, label, unit, model, baseline) {
  const r = { id, label, unit, model: strip(model), baseline: strip(baseline), ratio: baseline.median / model.median };
  r.target = targetFor(MODEL_TARGETS, r);
  return r;
}

/** Summary without the raw samples (they stay in the per-size details). */
function strip({ median, min, max, runs }) {
  return { median, min, max, runs };
}

function benchSize(size, config, log) {
  const { n } = size;
  const { klines, series } = benchSeries(n);

  log(`model setData n=${n}: ${size.modelRuns} runs`);
  const model = new LiquidationModel({ rows: ROWS });
  const modelRecompute = timeRuns(() => {
    model.setData(series);
    readColumns(model, 0);
  }, { warmup: config.modelWarmup, runs: size.modelRuns });
  const modelReady = timeRuns(() => {
    model.setData(series);
    readColumns(model, Math.max(0, n - SCREEN));
  }, { warmup: config.modelWarmup, runs: size.modelRuns });
  const grid = model.grid;
  const modelSanity = modelSane(model);

  log(`model ticks n=${n}: ${config.modelTicks} ticks`);
  const ticks = tickKlines(klines[n - 1], grid, config.modelTicks);
  let notForming = 0;
  const modelTick = timeBatches(
    (i) => {
      if (model.update(ticks[i]) !== 'forming') notForming++;
    },
    { count: ticks.length, batches: config.modelTickBatches },
  );
  const tickSanity = modelSane(model);

  log(`baseline setData n=${n}: ${size.baselineRuns} runs`);
  const naive = new NaiveHeatmap({ rows: ROWS });
  const baselineRecompute = timeRuns(() => naive.setData(series), { warmup: config.baselineWarmup, runs: size.baselineRuns });
  const baselineSanity = columnsSane(naive.columnsLong, naive.columnsShort, n * naive.grid.rows);
  const sameGrid = naive.grid.lnMin === grid.lnMin && naive.grid.lnStep === grid.lnStep && naive.grid.rows === grid.rows;
  model.setData(series);
  const agreement = sameGrid ? baselineAgrees(model, naive) : { agrees: false, long: { massGap: NaN, shapeGap: NaN }, short: { massGap: NaN, shapeGap: NaN } };

  log(`baseline ticks n=${n}: ${config.baselineTicks} ticks`);
  const baselineTick = timeBatches((i) => naive.tick(barFromKline(ticks[i])), { count: config.baselineTicks, batches: config.baselineTickBatches });

  return {
    n,
    label: size.label,
    grid: { lnMin: grid.lnMin, lnStep: grid.lnStep, rows: grid.rows },
    recompute: { model: modelRecompute, baseline: baselineRecompute, ratio: baselineRecompute.median / modelRecompute.median },
    ready: { model: modelReady },
    tick: { model: modelTick, baseline: baselineTick, ratio: baselineTick.median / modelTick.median, notForming },
    sanity: {
      model: { ...modelSanity, afterTicks: tickSanity.finite && tickSanity.positive, everyTickForming: notForming === 0 },
      baseline: { ...baselineSanity, sameGrid, ...agreement },
    },
  };
}

/** Builds columns `[from, length)` of `model` (each read once). */
function readColumns(model, from) {
  let sum = 0;
  for (let i = from; i < model.length; i++) sum += model.columnAt(i).scale;
  return sum;
}
