import { basename } from 'node:path';
import { checkSymbol } from '../binance/rest-validate';
import { symbolOfFile } from '../evaluate/kline-library';
import { UsageError, type CliArgs } from './cli-args';

/**
 * The symbol a command reading klines `file` models, which sets its maintenance margin rate: `--symbol`
 * (checked as the online commands check it, and refused when the file's name says another symbol) or
 * the symbol the file's name starts with (`BTCUSDT-PERP_1h_....csv`); undefined when neither says.
 */
export function fileSymbol(args: CliArgs, file: string): string | undefined {
  const named = symbolOfFile(basename(file)).symbol ?? undefined;
  const given = args.options.get('symbol');
  if (given === undefined) return named;
  let symbol: string;
  try {
    symbol = checkSymbol(given.toUpperCase());
  } catch (error) {
    throw new UsageError(`--symbol: ${(error as Error).message}`);
  }
  if (named !== undefined && named !== symbol) throw new UsageError(`--symbol ${symbol}, but ${basename(file)} holds ${named} klines`);
  return symbol;
}
