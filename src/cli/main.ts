import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KlineError } from '../klines/kline-error';
import { parseCliArgs, UsageError } from './cli-args';
import { BinanceError } from '../binance/binance-error';
import { densityCommand } from './density-command';
import { evaluateCommand } from './evaluate-command';
import { firstTouchCommand } from './first-touch-command';
import { invarianceCommand } from './invariance-command';
import { LiquidationFileError } from '../evaluate/liquidation-orders';
import { InputFileError } from './read-input-file';
import { levelsCommand } from './levels-command';
import { watchCommand } from './watch-command';
import { packageVersion } from './package-version';

const USAGE = `usage:
  liq-heatmap levels  --klines FILE [--symbol S] [--interval 1h] [--at TIME] [--top N] [--since TIME] [--rows N] [--json]
  liq-heatmap levels  --symbol S [--interval 1h] [--lookback 7d] [--rest-url URL] [--top N] [--since TIME] [--json]
  liq-heatmap density --klines FILE [--symbol S] [--interval 1h] [--at TIME] [--rows N] [--json]
  liq-heatmap evaluate --klines FILE|DIR[,...] --liquidations FILE [--symbol S] [--horizon 2h] [--lookback 60d] [--json]
                       [--missing-fill estimate|limit] [--jitter 0.001] [--jitter-draws 40] [--cv day --grid model.NAME=V1,V2 [--grid levels.NAME=V1,V2 ...] [--select lift|jitter]]
  liq-heatmap first-touch --klines FILE [--symbol S] [--horizon 24h] [--every 12] [--lookback 60d] [--json]
  liq-heatmap invariance --klines FILE [--symbol S] [--views 7d,1M,3M] [--cuts 50] [--intervals 15m,1h,4h] [--json]
  liq-heatmap watch   --symbol S [--interval 1h] [--lookback 7d] [--rest-url URL] [--ws-url URL] [--top N] [--alert-pct N]
  liq-heatmap --version
FILE: CSV (Binance public-data layout, header optional) or Binance JSON klines.
TIME: epoch ms or ISO 8601 (2025-01-27, 2025-01-27T08:00, ...Z or +02:00; UTC unless a zone is given); only bars closed at or before it are used.
density prints {time, price, rows:[{price, long, short}]} with --json, else 'price long short' lines.
watch prints one JSON levels report per update; --rest-url replaces https://fapi.binance.com, --ws-url wss://fstream.binance.com;
  --alert-pct N adds "alerts": [{type: approaching|swept, side, price, distancePct, time}] to each line
  (approaching: a significant level within N% of price; at most one per level and type per 30 min of market time).
exit: 0 done, 1 bad input (file, row, field named) or a failed request, 2 bad usage, 130/143 ended by SIGINT/SIGTERM.
input files: regular files of at most 256 MiB.`;

/** Runs the CLI; resolves to the exit code (0 ok, 1 bad input or a failed request, 2 bad usage). */
export async function runCli(argv: readonly string[], out: (text: string) => void, err: (text: string) => void, signal?: AbortSignal): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.flags.has('help')) {
      out(USAGE);
      return 0;
    }
    if (args.flags.has('version')) {
      out(packageVersion());
      return 0;
    }
    if (args.command === undefined) throw new UsageError('no command given');
    if (args.command === 'levels') out(await levelsCommand(args, err));
    else if (args.command === 'density') out(densityCommand(args));
    else if (args.command === 'evaluate') out(evaluateCommand(args));
    else if (args.command === 'first-touch') out(firstTouchCommand(args));
    else if (args.command === 'invariance') out(invarianceCommand(args));
    else if (args.command === 'watch') await watchCommand(args, out, err, signal ?? new AbortController().signal);
    else throw new UsageError(`unknown command '${args.command}'`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`liq-heatmap: ${error.message}\n${USAGE}`);
      return 2;
    }
    const known = error instanceof KlineError || error instanceof RangeError || error instanceof BinanceError || error instanceof LiquidationFileError || error instanceof InputFileError;
    const message = known ? error.message : String((error as Error)?.stack ?? error);
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

/**
 * Only `watch` handles SIGINT/SIGTERM itself (it closes its socket and resolves). The offline commands keep
 * the default action, so a signal ends them at once, even in the middle of parsing or computing, and the
 * shell sees 130 (SIGINT) or 143 (SIGTERM); a JS handler would wait for that synchronous work to finish.
 */
function handlesSignals(argv: readonly string[]): boolean {
  try {
    return parseCliArgs(argv).command === 'watch';
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const argv = process.argv.slice(2);
  const controller = new AbortController();
  if (handlesSignals(argv)) {
    for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => controller.abort(new Error(name)));
  }
  runCli(argv, (t) => process.stdout.write(`${t}\n`), (t) => process.stderr.write(`${t}\n`), controller.signal).then((code) => {
    process.exitCode = code;
  });
}
