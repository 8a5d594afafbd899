import { rowPrice } from '../model/price-grid';
import { checkKnownOptions, type CliArgs } from './cli-args';
import { loadModel, MODEL_OPTIONS } from './load-model';

/** One heatmap row: centre price and long/short density (unit: heat, or USD with open interest). */
export interface DensityRow {
  price: number;
  long: number;
  short: number;
}

/**
 * `liq-heatmap density --klines FILE [--at TIME] [--json]`: the last closed bar's heatmap column, as
 * JSON or as tab-separated `price long short` lines.
 */
export function densityCommand(args: CliArgs): string {
  checkKnownOptions(args, [...MODEL_OPTIONS, 'json']);
  const { model } = loadModel(args);
  const grid = model.grid;
  if (!grid) throw new Error('no heatmap');
  const i = model.length - 1;
  const { long, short, scale, time } = model.columnAt(i);
  const rows: DensityRow[] = [];
  for (let r = 0; r < grid.rows; r++) {
    rows.push({ price: rowPrice(grid, r), long: long[r] * scale, short: short[r] * scale });
  }
  const column = { time, price: model.klines.close[i], rows };
  return args.flags.has('json') ? JSON.stringify(column) : rows.map((row) => `${row.price}\t${row.long}\t${row.short}`).join('\n');
}
