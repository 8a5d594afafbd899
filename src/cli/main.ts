import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KlineError } from '../klines/kline-error';
import { parseCliArgs, UsageError } from './cli-args';
import { densityCommand } from './density-command';
import { levelsCommand } from './levels-command';

const USAGE = `usage:
  liq-heatmap levels  --klines FILE [--symbol S] [--interval 1h] [--at TIME] [--top N] [--rows N] [--json]
  liq-heatmap density --klines FILE [--symbol S] [--interval 1h] [--at TIME] [--rows N] [--json]
FILE: CSV (Binance public-data layout, header optional) or Binance JSON klines.
TIME: epoch ms or ISO time (UTC unless a zone is given); only bars closed at or before it are used.
density prints {time, price, rows:[{price, long, short}]} with --json, else 'price long short' lines.`;

/** Runs the CLI; returns the exit code (0 ok, 1 bad input, 2 bad usage). */
export function runCli(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  try {
    const args = parseCliArgs(argv);
    if (args.flags.has('help')) {
      out(USAGE);
      return 0;
    }
    if (args.command === undefined) throw new UsageError('no command given');
    if (args.command === 'levels') out(levelsCommand(args));
    else if (args.command === 'density') out(densityCommand(args));
    else throw new UsageError(`unknown command '${args.command}'`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`liq-heatmap: ${error.message}\n${USAGE}`);
      return 2;
    }
    const message = error instanceof KlineError || error instanceof RangeError ? error.message : String((error as Error)?.stack ?? error);
    err(`liq-heatmap: ${message.split('\n')[0]}`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = runCli(process.argv.slice(2), (t) => process.stdout.write(`${t}\n`), (t) => process.stderr.write(`${t}\n`));
}
