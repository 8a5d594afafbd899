import { checkInterval, checkSymbol } from '../binance/rest-validate';
import { parseDuration } from '../klines/interval';
import { UsageError, type CliArgs } from './cli-args';

/**
 * Checks the options of the online commands before any request: `--symbol`, `--interval`, `--lookback`,
 * `--rest-url` and, for `watch`, `--ws-url`. A bad one is a usage error (exit 2), not a failed request.
 */
export function checkOnlineOptions(args: CliArgs): void {
  const symbol = args.options.get('symbol');
  if (symbol !== undefined) usage(() => checkSymbol(symbol.toUpperCase()), '--symbol');
  const interval = args.options.get('interval');
  if (interval !== undefined) usage(() => checkInterval(interval), '--interval');
  const lookback = args.options.get('lookback');
  if (lookback !== undefined) usage(() => parseDuration(lookback), '--lookback');
  checkUrl(args, 'rest-url', ['http:', 'https:']);
  checkUrl(args, 'ws-url', ['ws:', 'wss:']);
}

function usage(check: () => unknown, name: string): void {
  try {
    check();
  } catch (error) {
    throw new UsageError(`${name}: ${(error as Error).message}`);
  }
}

function checkUrl(args: CliArgs, name: string, protocols: readonly string[]): void {
  const raw = args.options.get(name);
  if (raw === undefined) return;
  let protocol: string | undefined;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol === undefined || !protocols.includes(protocol)) {
    throw new UsageError(`--${name} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL, got '${raw}'`);
  }
}
