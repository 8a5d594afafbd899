import { basename } from 'node:path';
import { intervalSpread, viewInvariance } from '../evaluate/view-invariance';
import { intervalToMs, parseDuration } from '../klines/interval';
import { parseKlines } from '../klines/parse-klines';
import { defaultMmr } from '../model/liquidation-price';
import { checkKnownOptions, intOption, UsageError, type CliArgs } from './cli-args';
import { readInputFile } from './read-input-file';
import { fileSymbol } from './file-symbol';

/**
 * `liq-heatmap invariance --klines FILE [--symbol S] [--views 7d,1M,3M] [--cuts 50] [--intervals 15m,1h,4h] [--json]`:
 * how much the levels at a bar depend on the view loaded (each view plus the history the model needs, against
 * the longest), and with `--intervals`, how far the nearest level each side moves between intervals derived
 * from the file at the same moments.
 */
export function invarianceCommand(args: CliArgs): string {
  checkKnownOptions(args, ['klines', 'symbol', 'views', 'cuts', 'intervals', 'json']);
  const file = args.options.get('klines');
  if (!file) throw new UsageError('invariance needs --klines FILE');
  const cuts = intOption(args, 'cuts', 50, 2, 1000);
  const list = (name: string, fallback: string, parse: (text: string) => number) =>
    (args.options.get(name) ?? fallback).split(',').map((text) => {
      try {
        return parse(text.trim());
      } catch {
        throw new UsageError(`--${name}: '${text}' is not a duration such as 7d or 1h`);
      }
    });
  const views = list('views', '7d,1M,3M', parseDuration);
  const intervals = args.options.has('intervals') ? list('intervals', '', intervalToMs) : null;
  const symbol = fileSymbol(args, file);
  const series = parseKlines(readInputFile(file), { source: file });
  const model = { mmr: defaultMmr(symbol) };
  const agreement = viewInvariance(series, views, cuts, model);
  const spread = intervals ? intervalSpread(series, intervals, cuts, model) : null;
  if (args.flags.has('json')) return JSON.stringify({ file: basename(file), symbol: symbol ?? null, mmr: model.mmr, cuts, agreement, intervals: spread }, null, 2);
  const pct = (v: number) => `${(100 * v).toFixed(0)}%`;
  const lines = [
    `${basename(file)}: the report at ${cuts} bars from each view (plus the history the model needs) against the longest view`,
    'view       cuts  nearest within a row  top 5 within a row  sizes/totals within 5 %  same bias  all',
    ...agreement.map((a) => `${(a.viewMs / 86_400_000).toFixed(0).padStart(4)} d  ${String(a.cuts).padStart(6)}  ${pct(a.nearestWithinRow).padStart(20)}  ${pct(a.topWithinRow).padStart(18)}  ${pct(a.sizesWithin5Pct).padStart(23)}  ${pct(a.biasEqual).padStart(9)}  ${pct(a.all).padStart(4)}`),
  ];
  if (spread) {
    lines.push(
      '',
      `nearest level each side across ${spread.intervals.map((ms) => `${ms / 60_000}m`).join(', ')} at the same moment (${spread.cases} cases):`,
      `  largest move between intervals, % of price: median ${spread.medianPct.toFixed(2)}, 90th percentile ${spread.p90Pct.toFixed(2)}, max ${spread.maxPct.toFixed(2)}; within 0.5 %: ${pct(spread.within05Pct)}`,
    );
  }
  return lines.join('\n');
}
