import { BINANCE_INTERVALS, isBinanceInterval, type BinanceInterval } from '../klines/interval';

/** Periods of `/futures/data/openInterestHist`, shortest first. */
export const OPEN_INTEREST_PERIODS = ['5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d'] as const;

/** One of {@link OPEN_INTEREST_PERIODS}. */
export type OpenInterestPeriod = (typeof OPEN_INTEREST_PERIODS)[number];

const SYMBOL = /^[A-Z0-9]{2,30}$/;

/**
 * Checks a USDⓈ-M symbol (`BTCUSDT`): 2 to 30 upper-case letters or digits.
 * @throws RangeError otherwise, suggesting the upper-case spelling when that would do.
 */
export function checkSymbol(symbol: unknown): string {
  if (typeof symbol === 'string' && SYMBOL.test(symbol)) return symbol;
  const upper = typeof symbol === 'string' ? symbol.trim().toUpperCase() : '';
  const hint = SYMBOL.test(upper) ? ` (did you mean "${upper}"?)` : '';
  throw new RangeError(
    `invalid Binance symbol ${JSON.stringify(symbol)}: expected 2-30 upper-case letters or digits, e.g. BTCUSDT${hint}`,
  );
}

/**
 * Checks a kline interval (`1m` ... `1M`, case-sensitive).
 * @throws RangeError listing the valid intervals.
 */
export function checkInterval(interval: unknown): BinanceInterval {
  if (isBinanceInterval(interval)) return interval;
  throw new RangeError(
    `invalid Binance interval ${JSON.stringify(interval)}: expected one of ${BINANCE_INTERVALS.join(' ')}`,
  );
}

/**
 * Checks an open-interest history period.
 * @throws RangeError listing the valid periods.
 */
export function checkPeriod(period: unknown): OpenInterestPeriod {
  if ((OPEN_INTEREST_PERIODS as readonly unknown[]).includes(period)) return period as OpenInterestPeriod;
  throw new RangeError(
    `invalid open-interest period ${JSON.stringify(period)}: expected one of ${OPEN_INTEREST_PERIODS.join(' ')}`,
  );
}

/**
 * Checks a row limit: a whole number from 1 to `max`; `undefined` gives `fallback`.
 * @throws RangeError otherwise.
 */
export function checkLimit(limit: unknown, fallback: number, max: number): number {
  if (limit === undefined) return fallback;
  if (typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= max) return limit;
  throw new RangeError(`invalid limit ${JSON.stringify(limit)}: expected a whole number from 1 to ${max}`);
}

/**
 * Checks optional epoch-ms bounds: whole numbers `>= 0`, `startTime <= endTime`.
 * @throws RangeError naming the bad bound.
 */
export function checkTimes(startTime: unknown, endTime: unknown): void {
  for (const [name, value] of [['startTime', startTime], ['endTime', endTime]] as const) {
    if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
      throw new RangeError(`invalid ${name} ${JSON.stringify(value)}: expected epoch milliseconds (a whole number >= 0)`);
    }
  }
  if (typeof startTime === 'number' && typeof endTime === 'number' && startTime > endTime) {
    throw new RangeError(`startTime ${startTime} is after endTime ${endTime}`);
  }
}
