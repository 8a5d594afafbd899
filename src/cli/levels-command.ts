import { msToInterval } from '../klines/interval';
import { modelLevels } from '../levels/model-levels';
import { basename } from 'node:path';
import { checkKnownOptions, intOption, type CliArgs } from './cli-args';
import { formatReport } from './format-report';
import { loadModel, MODEL_OPTIONS } from './load-model';

/** `liq-heatmap levels --klines FILE [--at TIME] [--top N] [--json]`: the levels report of the last closed bar. */
export function levelsCommand(args: CliArgs): string {
  checkKnownOptions(args, [...MODEL_OPTIONS, 'top', 'json']);
  const top = intOption(args, 'top', 5, 1, 100);
  const { model, series } = loadModel(args);
  const report = modelLevels(model, { top });
  if (args.flags.has('json')) return JSON.stringify(report, null, 2);
  const symbol = args.options.get('symbol') ?? '';
  const interval = msToInterval(series.intervalMs) ?? '';
  return formatReport(report, [symbol || basename(String(args.options.get('klines'))), interval].filter(Boolean).join(' '));
}
