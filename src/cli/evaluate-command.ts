import { basename } from 'node:path';
import { evaluateModel, poolScores, type Evaluation, type PooledScore } from '../evaluate/evaluate-model';
import { groupWindows, parseLiquidationCsv } from '../evaluate/liquidation-orders';
import { describeSpan } from '../klines/describe-time';
import { parseDuration } from '../klines/interval';
import { parseKlines } from '../klines/parse-klines';
import { defaultMmr } from '../model/liquidation-price';
import { readInputFile } from './read-input-file';
import { checkKnownOptions, UsageError, type CliArgs } from './cli-args';

/**
 * `liq-heatmap evaluate --klines FILE[,FILE...] --liquidations FILE [--symbol S] [--horizon 2h] [--lookback 60d] [--json]`:
 * scores predicted zones against real liquidation orders (heatmap lift, zone lift and coverage), per file
 * (symbol from the file name unless `--symbol`) and pooled over all of them.
 */
export function evaluateCommand(args: CliArgs): string {
  checkKnownOptions(args, ['klines', 'liquidations', 'symbol', 'horizon', 'lookback', 'json']);
  const klinesFile = args.options.get('klines');
  const liquidationsFile = args.options.get('liquidations');
  if (!klinesFile || !liquidationsFile) throw new UsageError('evaluate needs --klines FILE and --liquidations FILE');
  const duration = (name: string, fallback: string) => {
    try {
      return parseDuration(args.options.get(name) ?? fallback);
    } catch {
      throw new UsageError(`--${name} must be a duration such as 2h or 60d`);
    }
  };
  const horizonMs = duration('horizon', '2h');
  const lookbackMs = duration('lookback', '60d');
  const files = klinesFile.split(',').filter(Boolean);
  const liquidations = parseLiquidationCsv(readInputFile(liquidationsFile), liquidationsFile);
  const runs = files.map((file) => {
    const symbol = (args.options.get('symbol') ?? /([A-Z0-9]{2,20}USDT)/.exec(basename(file))?.[1] ?? '').toUpperCase();
    if (!symbol) throw new UsageError(`--symbol S is needed: the klines file name ${basename(file)} does not say which symbol it holds`);
    const series = parseKlines(readInputFile(file), { source: file });
    if (lookbackMs < series.intervalMs) {
      const lookback = args.options.get('lookback');
      throw new UsageError(`--lookback ${lookback} is shorter than one bar of ${file} (${describeSpan(series.intervalMs)}): the model would have no bars`);
    }
    const orders = liquidations.filter((o) => o.symbol === symbol);
    return { symbol, file, ...evaluateModel(series, groupWindows(orders), { horizonMs, lookbackMs, model: { mmr: defaultMmr(symbol) } }) };
  });
  const pooled = poolScores(runs.flatMap((r) => r.windows));
  if (args.flags.has('json')) return JSON.stringify({ horizonMs, lookbackMs, runs, pooled }, null, 2);
  return [...runs.map((r) => formatEvaluation(`${r.symbol} (${basename(r.file)})`, r)), ...(runs.length > 1 ? [formatPooled('all files', pooled)] : [])].join('\n\n');
}

const pct = (v: number | null) => (v === null ? '-' : `${(100 * v).toFixed(0)}%`);
const num = (v: number | null) => (v === null ? '-' : v.toFixed(2));

/** The evaluation as a table: one line per window side, then the pooled figures. */
export function formatEvaluation(symbol: string, e: Evaluation): string {
  const lines = [`${symbol}: predicted liquidation zones vs real liquidation orders`, 'window (t0 UTC)    side   orders  heat rows  heat capture  heat lift  zone cover  zone capture  zone lift'];
  for (const w of e.windows) {
    const t = new Date(w.t0).toISOString().slice(0, 16).replace('T', ' ');
    if (w.skipped) {
      lines.push(`${t}   (${w.orders} orders skipped: ${w.skipped})`);
      continue;
    }
    for (const s of w.sides) {
      lines.push(
        `${t}   ${s.side.padEnd(5)}  ${String(s.orders).padStart(6)}  ${`${s.heatmap.taken}/${s.heatmap.rows}`.padStart(9)}  ${pct(s.heatmap.capture).padStart(12)}  ${num(s.heatmap.lift).padStart(9)}  ${pct(s.zones.coverage).padStart(10)}  ${pct(s.zones.capture).padStart(12)}  ${num(s.zones.lift).padStart(9)}`,
      );
    }
  }
  lines.push(formatPooled('pooled', e.pooled));
  return lines.join('\n');
}

function formatPooled(label: string, p: PooledScore): string {
  return `${label} over ${p.orders} orders in ${p.windows} windows: heatmap lift ${num(p.heatmapLift)} (capture ${pct(p.heatmapCapture)}), zone lift ${num(p.zoneLift)} (coverage ${pct(p.zoneCoverage)}, capture ${pct(p.zoneCapture)})`;
}
