import { parseKlines } from '../klines/parse-klines';
import { closedCountAt, sliceSeries, warmupWindow } from '../klines/slice-series';
import { intervalToMs } from '../klines/interval';
import { KlineError } from '../klines/kline-error';
import type { KlineSeries } from '../klines/kline';
import { defaultMmr } from '../model/liquidation-price';
import { LiquidationModel } from '../model/liquidation-model';
import { mergeModelOptions } from '../model/model-options';
import { historyNeededMs } from '../model/warmup';
import { readInputFile } from './read-input-file';
import { intOption, timeOption, UsageError, type CliArgs } from './cli-args';
import { fileSymbol } from './file-symbol';

/** Options every file-reading command takes. */
export const MODEL_OPTIONS = ['klines', 'symbol', 'interval', 'at', 'rows'] as const;

/**
 * The model built from `--klines FILE` up to `--at`, with `--symbol`, `--interval` and `--rows`
 * applied. Only the history a report needs before the last bar is computed (two warm-ups: the state,
 * and level ids that do not depend on where the file starts): the report is then the same whatever older
 * history the file holds, and a file too short for it says so in the report. Every option is checked
 * before the file is read.
 */
export function loadModel(args: CliArgs): { model: LiquidationModel; series: KlineSeries; symbol: string | undefined } {
  const rows = intOption(args, 'rows', mergeModelOptions().rows, 10, 4000);
  const at = timeOption(args, 'at');
  const file = args.options.get('klines');
  const interval = args.options.get('interval');
  let intervalMs: number | undefined;
  if (interval !== undefined) {
    try {
      intervalMs = intervalToMs(interval);
    } catch {
      throw new UsageError(`--interval must be a Binance interval such as 1m, 15m, 1h, 4h, 1d; got '${interval}'`);
    }
  }
  if (file === undefined) {
    throw new UsageError('--klines FILE is required');
  }
  const symbol = fileSymbol(args, file);
  let series = parseKlines(readInputFile(file), { source: file, intervalMs });
  if (interval !== undefined) checkNoCoarser(series, interval, file);
  if (at !== undefined) {
    const count = closedCountAt(series, at);
    if (count === 0) throw new KlineError('empty', `no bar had closed at ${new Date(at).toISOString()} (--at)`, undefined, undefined, file);
    series = sliceSeries(series, count);
  }
  const model = new LiquidationModel({ mmr: defaultMmr(symbol), rows });
  series = warmupWindow(series, historyNeededMs(model.options().tiers));
  model.setData(series, { lastBarForming: false });
  return { model, series, symbol };
}

/**
 * A file of coarser bars than `--interval` parses as that interval with gaps (every 1h bar is a whole
 * number of 15m bars) and would model 1h bars as 15m ones: refused when no two bars are one interval apart.
 */
function checkNoCoarser(series: KlineSeries, interval: string, file: string): void {
  const times = series.openTime;
  let closest = Infinity;
  for (let i = 1; i < series.length; i++) closest = Math.min(closest, times[i] - times[i - 1]);
  if (closest > series.intervalMs && Number.isFinite(closest)) {
    throw new KlineError('mixed-interval', `no two bars are ${interval} apart (--interval ${interval}): the closest are ${describeGap(closest)} apart`, undefined, 'openTime', file);
  }
}

function describeGap(ms: number): string {
  return ms % 86_400_000 === 0 ? `${ms / 86_400_000}d` : ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${ms / 60_000}m`;
}
