import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_BOOTSTRAP } from '../evaluate/bootstrap';
import { crossValidateDays } from '../evaluate/cross-validate';
import { DEFAULT_JITTER, jitterSpread } from '../evaluate/density-jitter';
import { summarize } from '../evaluate/evaluation-summary';
import { scoreWindow } from '../evaluate/evaluate-model';
import { formatCrossValidation, formatSummary } from '../evaluate/format-evaluation';
import { KlineLibrary, symbolOfFile, type KlinesFile } from '../evaluate/kline-library';
import { groupWindows, parseLiquidationCsv, type LiquidationWindow } from '../evaluate/liquidation-orders';
import { estimateMissingFills, fillsOfSymbol, type FillEstimate, type MissingFill } from '../evaluate/missing-fills';
import { gridSettings, settingLabel, settingOptions, type Setting } from '../evaluate/option-grid';
import { utcDay, type WindowScore } from '../evaluate/window-score';
import { describeSpan } from '../klines/describe-time';
import { parseDuration } from '../klines/interval';
import { parseKlines } from '../klines/parse-klines';
import { defaultMmr } from '../model/liquidation-price';
import { checkKnownOptions, intOption, UsageError, type CliArgs } from './cli-args';
import { readInputFile } from './read-input-file';

/**
 * `liq-heatmap evaluate --klines FILE|DIR[,...] --liquidations FILE [--symbol S] [--horizon 2h] [--lookback 60d] [--cv day --grid model.NAME=V1,V2 ... [--select lift|jitter]] [--missing-fill estimate|limit] [--jitter 0.001] [--jitter-draws 40] [--json]`:
 * scores the model's heatmap and zones against real
 * liquidation orders beside a near-price prior, per side, pooled and per symbol, with bootstrap intervals
 * over windows, and the heatmap lift's spread when every row's density is jittered by up to `--jitter`
 * (a fraction; 0 turns it off) in `--jitter-draws` seeded draws; with `--cv day`, leave-one-day-out
 * cross-validation over the grid of settings (the spread is that of the held-out scores); `--select jitter`
 * has each fold choose by the median of the training days' lift over the jittered draws instead of the
 * lift as scored (the held-out days are scored as always). An order recorded without its fill
 * (`average_price`) is scored at a fill estimated from its limit price (`--missing-fill estimate`, the
 * default; see {@link estimateMissingFills}) or at the limit itself (`--missing-fill limit`).
 */
export function evaluateCommand(args: CliArgs): string {
  checkKnownOptions(args, ['klines', 'liquidations', 'symbol', 'horizon', 'lookback', 'cv', 'grid', 'jitter', 'jitter-draws', 'select', 'missing-fill', 'json']);
  const klinesArg = args.options.get('klines');
  const liquidationsFile = args.options.get('liquidations');
  if (!klinesArg || !liquidationsFile) throw new UsageError('evaluate needs --klines FILE|DIR and --liquidations FILE');
  const horizonMs = duration(args, 'horizon', '2h');
  const lookbackMs = duration(args, 'lookback', '60d');
  const cv = args.options.get('cv');
  if (cv !== undefined && cv !== 'day') throw new UsageError(`--cv takes 'day' (leave one UTC day out), got '${cv}'`);
  const gridSpecs = args.repeated.get('grid') ?? [];
  if (gridSpecs.length > 0 && cv === undefined) throw new UsageError('--grid needs --cv day (settings are only compared out of sample)');
  let settings: Setting[];
  try {
    settings = gridSettings(gridSpecs);
  } catch (error) {
    throw new UsageError(`--grid: ${(error as Error).message}`);
  }
  const jitter = jitterOptions(args);
  const select = args.options.get('select') ?? 'lift';
  if (select !== 'lift' && select !== 'jitter') throw new UsageError(`--select takes 'lift' or 'jitter', got '${select}'`);
  if (args.options.has('select') && cv === undefined) throw new UsageError('--select needs --cv day (it says how each fold chooses its setting)');
  if (select === 'jitter' && !jitter) throw new UsageError('--select jitter needs a jitter above 0 (--jitter)');
  const missingFill = args.options.get('missing-fill') ?? 'estimate';
  if (missingFill !== 'estimate' && missingFill !== 'limit') throw new UsageError(`--missing-fill takes 'estimate' or 'limit', got '${missingFill}'`);
  const symbolOverride = args.options.get('symbol')?.toUpperCase();
  const fileFills = estimateMissingFills(parseLiquidationCsv(read(liquidationsFile), liquidationsFile), missingFill as MissingFill, defaultMmr);
  const fills = symbolOverride ? fillsOfSymbol(fileFills, symbolOverride) : fileFills;
  const orders = fills.orders;
  const klinesFiles = readKlines(klinesArg, symbolOverride, new Set(orders.map((o) => o.symbol)));
  for (const f of klinesFiles) {
    if (lookbackMs < f.series.intervalMs) {
      throw new UsageError(`--lookback ${args.options.get('lookback')} is shorter than one bar of ${f.file} (${describeSpan(f.series.intervalMs)}): the model would have no bars`);
    }
  }
  const library = new KlineLibrary(klinesFiles);
  const windows = groupWindows(orders);
  const scored = scoreAll(windows, library, settings, horizonMs, lookbackMs);
  const header = { horizonMs, lookbackMs, bootstrap: DEFAULT_BOOTSTRAP, klinesSymbols: library.symbols, mmr: symbolRates(scored[0]), missingFill: fillSummary(fills) };
  if (cv === undefined) {
    const scores = scored[0];
    const summary = summarize(scores);
    const spread = jitter ? jitterSpread(scores, jitter) : null;
    if (args.flags.has('json')) return JSON.stringify({ ...header, summary, jitter: spread, windows: scores }, null, 2);
    return [intro(scores, horizonMs, lookbackMs, fills), '', formatSummary(summary, spread)].join('\n');
  }
  const result = crossValidateDays(settings, scored, {}, select === 'jitter' && jitter ? { by: 'jitter', jitter } : { by: 'lift' });
  const spread = jitter ? jitterSpread(result.heldOut, jitter) : null;
  if (args.flags.has('json')) {
    const folds = result.folds.map((f) => ({ ...f, setting: result.settings[f.chosen], label: settingLabel(result.settings[f.chosen]) }));
    return JSON.stringify({ ...header, cv: 'day', selection: result.selection, settings: result.settings, folds, summary: result.summary, jitter: spread, heldOut: result.heldOut }, null, 2);
  }
  return [intro(scored[0], horizonMs, lookbackMs, fills), '', formatCrossValidation(result, spread)].join('\n');
}

/** Every window scored with every setting: one model build per window and distinct model options. */
function scoreAll(windows: readonly LiquidationWindow[], library: KlineLibrary, settings: readonly Setting[], horizonMs: number, lookbackMs: number): WindowScore[][] {
  const out: WindowScore[][] = settings.map(() => []);
  const byModel = new Map<string, number[]>();
  settings.forEach((s, k) => {
    const key = JSON.stringify(settingOptions(s).model);
    byModel.set(key, [...(byModel.get(key) ?? []), k]);
  });
  for (const window of windows) {
    const choice = library.choose(window.symbol, window.t0, lookbackMs, horizonMs);
    if (!choice) {
      const skipped: WindowScore = {
        symbol: window.symbol,
        t0: window.t0,
        day: utcDay(window.t0),
        price0: null,
        orders: window.orders.length,
        notional: window.orders.reduce((sum, o) => sum + o.notional, 0),
        sides: [],
        skipped: `no ${window.symbol} klines file covers ${new Date(window.t0).toISOString().slice(0, 16)}Z + horizon`,
      };
      for (const list of out) list.push(skipped);
      continue;
    }
    for (const indexes of byModel.values()) {
      const model = { mmr: defaultMmr(window.symbol), ...settingOptions(settings[indexes[0]]).model };
      const variants = indexes.map((k) => settingOptions(settings[k]).levels);
      const scores = scoreWindow(choice.series, window, { horizonMs, lookbackMs, model }, variants);
      indexes.forEach((k, i) => out[k].push({ ...scores[i], klines: choice.files.map((f) => basename(f)).join(' + ') }));
    }
  }
  return out;
}

function intro(scores: readonly WindowScore[], horizonMs: number, lookbackMs: number, fills: FillEstimate): string {
  const scored = scores.filter((w) => !w.skipped);
  const skipped = scores.filter((w) => w.skipped);
  const days = new Set(scored.map((w) => w.day));
  const symbols = new Set(scored.map((w) => w.symbol));
  const lines = [
    `Estimated liquidation heatmap vs real liquidation orders: ${scored.length} windows (bursts of orders < 2 h apart) of ${symbols.size} symbol${symbols.size === 1 ? '' : 's'} on ${days.size} UTC day${days.size === 1 ? '' : 's'};`,
    `the model sees at most ${lookbackMs / 86_400_000}d of bars closed before each window; the traversed range runs ${horizonMs / 3_600_000}h ahead.`,
    `Binance sends at most one liquidation per symbol per second, so the orders are a sample: read the USD and the count figures together.`,
    `Each window's liquidation prices use its symbol's tier-1 maintenance margin rate, as \`levels --symbol\` does: ${rateList(symbolRates(scored))}.`,
  ];
  const fillLine = describeMissingFills(fills);
  if (fillLine) lines.push(fillLine);
  if (skipped.length > 0) {
    const orders = skipped.reduce((n, w) => n + w.orders, 0);
    lines.push(`Skipped ${skipped.length} windows (${orders} orders): ${[...new Set(skipped.map((w) => w.skipped))].slice(0, 3).join('; ')}${skipped.length > 3 ? '; ...' : ''}`);
  }
  return lines.join('\n');
}

/** The JSON form of how orders without a recorded fill were scored. */
function fillSummary(fills: FillEstimate): Omit<FillEstimate, 'orders'> {
  const { orders: _orders, ...rest } = fills;
  return rest;
}

/** One line on the orders without a recorded fill, or null when every order has one. */
function describeMissingFills(fills: FillEstimate): string | null {
  if (fills.missing === 0) return null;
  const head = `${fills.missing} orders have no average_price, only their limit price (the bankruptcy price, beyond the fill by about the maintenance margin)`;
  if (fills.mode === 'limit') return `${head}: they are scored at the limit (--missing-fill limit).`;
  const source = (o: FillEstimate['offsets'][number]) =>
    o.from === 'symbol' ? `its ${o.orders} orders with both` : o.from === 'file' ? `all ${o.orders} orders with both` : 'its maintenance rate, no orders with both';
  const list = fills.offsets.map((o) => `${o.symbol} ${(o.offset * 100).toFixed(2)} % (${source(o)})`).join(', ');
  return `${head}: each is scored at its limit moved back by its symbol's median limit-to-fill offset in this file: ${list}. --missing-fill limit scores them at the limit.`;
}

/** The tier-1 maintenance margin rate each scored symbol's windows were modelled with. */
function symbolRates(scores: readonly WindowScore[]): Record<string, number> {
  const symbols = [...new Set(scores.filter((w) => !w.skipped).map((w) => w.symbol))].sort();
  return Object.fromEntries(symbols.map((symbol) => [symbol, defaultMmr(symbol)]));
}

/** `0.40 % BTCUSDT; 0.50 % ETHUSDT, SOLUSDT`: symbols grouped by rate. */
function rateList(rates: Record<string, number>): string {
  const byRate = new Map<number, string[]>();
  for (const [symbol, rate] of Object.entries(rates)) byRate.set(rate, [...(byRate.get(rate) ?? []), symbol]);
  return [...byRate.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([rate, symbols]) => `${(rate * 100).toFixed(2)} % ${symbols.join(', ')}`)
    .join('; ');
}

/**
 * Klines files named by `--klines` (files or directories, comma-separated), only of symbols in `wanted`.
 * A file's symbol is the one its name says; `--symbol` names it for files whose name says none, and
 * leaves out files of other symbols.
 */
function readKlines(arg: string, symbolOverride: string | undefined, wanted: ReadonlySet<string>): KlinesFile[] {
  const paths = arg.split(',').filter(Boolean).flatMap((p) => (isDirectory(p) ? listDirectory(p) : [p]));
  const files: KlinesFile[] = [];
  for (const file of paths) {
    const named = symbolOfFile(basename(file));
    const symbol = named.symbol ?? symbolOverride;
    if (!symbol) throw new UsageError(`--symbol S is needed: the klines file name ${basename(file)} does not say which symbol it holds`);
    if (!wanted.has(symbol) || (symbolOverride !== undefined && symbol !== symbolOverride)) continue;
    files.push({ file, symbol, market: named.market, series: parseKlines(read(file), { source: file }) });
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function listDirectory(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.(csv|json)$/i.test(name) && symbolOfFile(name).symbol !== null)
    .sort()
    .map((name) => join(dir, name));
}

/** `--jitter FRACTION` (default 0.001; 0: off) and `--jitter-draws N` (default 40), or null when off. */
function jitterOptions(args: CliArgs): { amplitude: number; draws: number } | null {
  const raw = args.options.get('jitter');
  const amplitude = raw === undefined ? DEFAULT_JITTER.amplitude : Number(raw);
  if (raw !== undefined && (raw.trim() === '' || !Number.isFinite(amplitude) || amplitude < 0 || amplitude >= 1)) {
    throw new UsageError(`--jitter must be a fraction from 0 (off) to below 1, e.g. 0.001 for ±0.1 %, got '${raw}'`);
  }
  const draws = intOption(args, 'jitter-draws', DEFAULT_JITTER.draws, 1, 10_000);
  return amplitude > 0 ? { amplitude, draws } : null;
}

function duration(args: CliArgs, name: string, fallback: string): number {
  try {
    return parseDuration(args.options.get(name) ?? fallback);
  } catch {
    throw new UsageError(`--${name} must be a duration such as 2h or 60d`);
  }
}

/** A file's text, refusing non-regular and oversized files with a message naming it. */
function read(file: string): string {
  return readInputFile(file);
}
