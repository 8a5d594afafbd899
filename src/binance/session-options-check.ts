import { parseDuration } from '../klines/interval';
import { checkKnownOptions } from '../options/known-options';
import type { BinanceSessionOptions } from './binance-session-options';
import { checkInterval, checkPeriod, checkSymbol, checkTimes } from './rest-validate';

const SESSION_OPTION_NAMES: readonly (keyof BinanceSessionOptions)[] = [
  'symbol',
  'interval',
  'lookback',
  'startTime',
  'warmupMs',
  'openInterest',
  'restBaseUrl',
  'wsBaseUrl',
  'retries',
  'fetch',
  'WebSocket',
  'onProgress',
  'signal',
];

/** @internal A lookback in ms; a RangeError naming it when it is not a positive duration. */
export function lookbackMs(lookback: string | number): number {
  const ms = typeof lookback === 'number' ? lookback : parseDuration(String(lookback));
  if (!(ms > 0 && Number.isFinite(ms))) throw new RangeError(`invalid lookback ${JSON.stringify(lookback)}: expected e.g. '12h', '7d', '6M' or a positive number of ms`);
  return ms;
}

/**
 * @internal Checks every option of a session, so a bad one throws where the session is made (`where`), before
 * any request: unknown names, the symbol, interval, lookback, start time, warm-up, open-interest period,
 * retries, base URLs, and that the functions given are functions.
 * @throws RangeError naming `where` and the option; TypeError when `options` is not an object.
 */
export function checkSessionOptions(options: BinanceSessionOptions, where: string): void {
  if (typeof options !== 'object' || options === null) throw new TypeError(`${where}: options must be an object, got ${String(options)}`);
  checkKnownOptions(options, SESSION_OPTION_NAMES, where);
  const o = options as { readonly [K in keyof BinanceSessionOptions]?: unknown };
  const named = (check: () => unknown) => {
    try {
      check();
    } catch (error) {
      if (error instanceof RangeError) throw new RangeError(`${where}: ${error.message}`, { cause: error });
      throw error;
    }
  };
  named(() => checkSymbol(o.symbol));
  named(() => checkInterval(o.interval));
  if (o.lookback !== undefined) named(() => lookbackMs(o.lookback as string | number));
  named(() => checkTimes(o.startTime, undefined));
  if (o.warmupMs !== undefined && !(typeof o.warmupMs === 'number' && o.warmupMs >= 0 && Number.isFinite(o.warmupMs)))
    throw new RangeError(`${where}: warmupMs must be a number of ms >= 0, got ${String(o.warmupMs)}`);
  if (o.openInterest !== undefined && typeof o.openInterest !== 'boolean') named(() => checkPeriod(o.openInterest));
  if (o.retries !== undefined && !(typeof o.retries === 'number' && Number.isInteger(o.retries) && o.retries >= 0))
    throw new RangeError(`${where}: retries must be a whole number >= 0, got ${String(o.retries)}`);
  if (o.restBaseUrl !== undefined && !(typeof o.restBaseUrl === 'string' && o.restBaseUrl.trim() !== ''))
    throw new RangeError(`${where}: restBaseUrl must be a URL, got ${JSON.stringify(o.restBaseUrl)}`);
  if (o.wsBaseUrl !== undefined && !(typeof o.wsBaseUrl === 'string' && /^wss?:\/\/[^/]/i.test(o.wsBaseUrl)))
    throw new RangeError(`${where}: wsBaseUrl must start with ws:// or wss://, got ${JSON.stringify(o.wsBaseUrl)}`);
  for (const name of ['fetch', 'WebSocket', 'onProgress'] as const) {
    if (o[name] !== undefined && typeof o[name] !== 'function') throw new RangeError(`${where}: ${name} must be a function, got ${String(o[name])}`);
  }
}
