import { msToInterval } from '../klines/interval';
import { modelLevels } from '../levels/model-levels';
import { basename } from 'node:path';
import { checkKnownOptions, intOption, timeOption, type CliArgs } from './cli-args';
import { formatReport } from './format-report';
import { mmrNote } from './mmr-note';
import { fetchModel, ONLINE_OPTIONS } from './fetch-model';
import { loadModel, MODEL_OPTIONS } from './load-model';

/**
 * `liq-heatmap levels --klines FILE [--at TIME] [--top N] [--since TIME] [--json]`: the levels report of the
 * last closed bar of a file; without `--klines`, of Binance klines for `--symbol` and `--interval`. With
 * `--since`, also the levels that ended since then and how (swept or faded).
 */
export async function levelsCommand(args: CliArgs, err: (text: string) => void): Promise<string> {
  const online = !args.options.has('klines');
  checkKnownOptions(args, online ? [...ONLINE_OPTIONS, 'top', 'since', 'json'] : [...MODEL_OPTIONS, 'top', 'since', 'json']);
  const top = intOption(args, 'top', 5, 1, 100);
  const since = timeOption(args, 'since');
  const { model, title, symbol } = online ? await fromBinance(args, err) : fromFile(args);
  const report = modelLevels(model, { top, since });
  const note = mmrNote(model.options().mmr, symbol);
  return args.flags.has('json') ? JSON.stringify({ ...report, mmrNote: note }, null, 2) : formatReport(report, title, note);
}

function fromFile(args: CliArgs) {
  const { model, series, symbol } = loadModel(args);
  const interval = msToInterval(series.intervalMs) ?? '';
  return { model, symbol, title: [symbol ?? basename(String(args.options.get('klines'))), interval].filter(Boolean).join(' ') };
}

async function fromBinance(args: CliArgs, err: (text: string) => void) {
  const { model, symbol, interval } = await fetchModel(args, err);
  return { model, symbol: symbol as string | undefined, title: `${symbol} ${interval} (Binance)` };
}
