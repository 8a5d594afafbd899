import { basename } from 'node:path';
import { firstTouch } from '../evaluate/first-touch';
import { formatFirstTouch } from '../evaluate/format-first-touch';
import { msToInterval, parseDuration } from '../klines/interval';
import { parseKlines } from '../klines/parse-klines';
import { defaultMmr } from '../model/liquidation-price';
import { checkKnownOptions, intOption, UsageError, type CliArgs } from './cli-args';
import { readInputFile } from './read-input-file';
import { fileSymbol } from './file-symbol';

/**
 * `liq-heatmap first-touch --klines FILE [--symbol S] [--horizon 24h] [--every 12] [--lookback 60d] [--json]`:
 * at a cut every N bars, which of the nearest significant levels above and below does price reach first,
 * and do nearness, strength and the bias read predict it better than a random walk?
 */
export function firstTouchCommand(args: CliArgs): string {
  checkKnownOptions(args, ['klines', 'symbol', 'horizon', 'every', 'lookback', 'json']);
  const file = args.options.get('klines');
  if (!file) throw new UsageError('first-touch needs --klines FILE');
  const horizonMs = duration(args, 'horizon', '24h');
  const lookbackMs = duration(args, 'lookback', '60d');
  const every = intOption(args, 'every', 12, 1, 100_000);
  const symbol = fileSymbol(args, file);
  const series = parseKlines(readInputFile(file), { source: file });
  const result = firstTouch(series, { horizonMs, every, lookbackMs, model: { mmr: defaultMmr(symbol) } });
  if (args.flags.has('json')) {
    const { cases, ...figures } = result;
    return JSON.stringify({ file: basename(file), symbol: symbol ?? null, horizonMs, every, lookbackMs, ...figures, cases }, null, 2);
  }
  const title = [symbol ?? '', msToInterval(series.intervalMs) ?? '', `(${basename(file)})`].filter(Boolean).join(' ');
  return formatFirstTouch(title, result, args.options.get('horizon') ?? '24h');
}

function duration(args: CliArgs, name: string, fallback: string): number {
  try {
    return parseDuration(args.options.get(name) ?? fallback);
  } catch {
    throw new UsageError(`--${name} must be a duration such as 24h or 60d`);
  }
}
