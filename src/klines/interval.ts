/** Kline intervals Binance accepts, shortest first. */
export const BINANCE_INTERVALS = [
  '1m', '3m', '5m', '15m', '30m',
  '1h', '2h', '4h', '6h', '8h', '12h',
  '1d', '3d', '1w', '1M',
] as const;

/** One of {@link BINANCE_INTERVALS}. */
export type BinanceInterval = (typeof BINANCE_INTERVALS)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Nominal length of a month (`1M`): 30 days. Real monthly bars span 28 to 31 days. */
export const MONTH_MS = 30 * DAY;

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: MINUTE,
  h: HOUR,
  H: HOUR,
  d: DAY,
  D: DAY,
  w: 7 * DAY,
  W: 7 * DAY,
  M: MONTH_MS,
  y: 365 * DAY,
  Y: 365 * DAY,
};

const INTERVAL_MS: ReadonlyMap<string, number> = new Map(
  BINANCE_INTERVALS.map((name) => [name, Number(name.slice(0, -1)) * UNIT_MS[name.slice(-1)]]),
);

/** True when `value` is one of {@link BINANCE_INTERVALS} (case-sensitive: `1m` is a minute, `1M` a month). */
export function isBinanceInterval(value: unknown): value is BinanceInterval {
  return typeof value === 'string' && INTERVAL_MS.has(value);
}

/**
 * Length of a Binance interval in ms (`1M` = 30 days nominal).
 * @throws RangeError for a string that is not a Binance interval.
 */
export function intervalToMs(interval: string): number {
  const ms = INTERVAL_MS.get(interval);
  if (ms === undefined) {
    throw new RangeError(`unknown Binance interval "${interval}" (expected one of ${BINANCE_INTERVALS.join(' ')})`);
  }
  return ms;
}

/**
 * The Binance interval of exactly `ms` milliseconds, or `undefined` when there is none.
 * Any whole number of days from 28 to 31 maps to `1M`, since real monthly bars vary in length.
 */
export function msToInterval(ms: number): BinanceInterval | undefined {
  for (const name of BINANCE_INTERVALS) {
    if (INTERVAL_MS.get(name) === ms) return name;
  }
  if (ms >= 28 * DAY && ms <= 31 * DAY && ms % DAY === 0) return '1M';
  return undefined;
}

const DURATION = /^(\d+(?:\.\d+)?)\s*([smhHdDwWMyY])$/;

/**
 * Parses a lookback such as `90m`, `12h`, `7d`, `2w`, `1M` (30 days) or `1y` (365 days) into ms.
 * Units: `s`, `m` (minutes), `h`, `d`, `w`, `M` (months), `y`; only `m`/`M` are case-sensitive.
 * @throws RangeError for anything else, including zero.
 */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  const ms = match ? Math.round(Number(match[1]) * UNIT_MS[match[2]]) : 0;
  if (!(ms > 0)) {
    throw new RangeError(
      `invalid duration "${text}" (expected a positive number and a unit s m h d w M y, e.g. 90m, 12h, 7d, 1M)`,
    );
  }
  return ms;
}
