import { KlineError } from '../klines/kline-error';
import { parseOptionalNumber } from '../klines/parse-number';

/** One open-interest history point (Binance `/futures/data/openInterestHist`). */
export interface OpenInterestPoint {
  /** Epoch ms. */
  timestamp: number;
  /** Open interest in contracts (base asset). */
  sumOpenInterest?: number;
  /** Open interest value in USD. */
  sumOpenInterestValue: number;
}

/**
 * An open-interest point as the model takes it: {@link OpenInterestPoint} with numbers, or a raw
 * `/futures/data/openInterestHist` row as Binance sends it (numeric strings, plus `symbol`), e.g.
 * `{ symbol: 'BTCUSDT', sumOpenInterest: '80000.0', sumOpenInterestValue: '8000000000.5', timestamp: 1748900000000 }`.
 */
export interface OpenInterestInput {
  /** Epoch ms, a number or a numeric string. */
  timestamp: number | string;
  /** Open interest in contracts (base asset); not read by the model, checked when present. */
  sumOpenInterest?: number | string | null;
  /** Open interest value in USD, a number or a numeric string, at least 0. */
  sumOpenInterestValue: number | string;
  /** The symbol of Binance's rows; not read. */
  symbol?: string;
}

/**
 * Open-interest value at each bar's close: the latest point at or before `openTime + interval`, NaN
 * where no point is that early. `points` must be sorted by timestamp (they are sorted here if not).
 */
export function alignOpenInterest(
  openTimes: ArrayLike<number>,
  count: number,
  intervalMs: number,
  points: readonly OpenInterestPoint[],
  out: Float64Array,
): Float64Array {
  const sorted = isSorted(points) ? points : [...points].sort((a, b) => a.timestamp - b.timestamp);
  let j = -1;
  for (let i = 0; i < count; i++) {
    const close = openTimes[i] + intervalMs;
    while (j + 1 < sorted.length && sorted[j + 1].timestamp <= close) j++;
    out[i] = j >= 0 ? sorted[j].sumOpenInterestValue : NaN;
  }
  return out;
}

function isSorted(points: readonly OpenInterestPoint[]): boolean {
  for (let i = 1; i < points.length; i++) if (points[i].timestamp < points[i - 1].timestamp) return false;
  return true;
}

/**
 * Open-interest points as read from their input: numbers, or numeric strings as in Binance's own
 * `/futures/data/openInterestHist` rows, by the rule kline fields follow (a number or a decimal string,
 * surrounding whitespace and double quotes allowed; no hex, NaN or Infinity). Other fields (`symbol`,
 * ...) are dropped. Throws a `RangeError` naming the row, the field and what it got.
 */
export function parseOpenInterest(points: readonly OpenInterestInput[], source = 'open interest'): OpenInterestPoint[] {
  if (!Array.isArray(points)) throw new RangeError(`${source}: expected an array of points, got ${describe(points)}`);
  return points.map((p, i) => {
    const at = `${source}, row ${i + 1}`;
    if (typeof p !== 'object' || p === null) throw new RangeError(`${at}: expected an object with timestamp and sumOpenInterestValue, got ${describe(p)}`);
    const field = (name: keyof OpenInterestInput, what: string, ok: (n: number) => boolean, optional = false): number | undefined => {
      const value = p[name];
      let n: number | undefined;
      try {
        n = parseOptionalNumber(value, { field: name, row: i + 1, source });
      } catch (error) {
        if (!(error instanceof KlineError)) throw error;
      }
      if (n === undefined ? !(optional && (value === undefined || value === null)) : !ok(n))
        throw new RangeError(`${at}, field ${name}: not ${what}, got ${describe(value)}`);
      return n;
    };
    const timestamp = field('timestamp', 'a finite number', () => true) as number;
    const sumOpenInterestValue = field('sumOpenInterestValue', 'a number >= 0', (n) => n >= 0) as number;
    const sumOpenInterest = field('sumOpenInterest', 'a number >= 0', (n) => n >= 0, true);
    return sumOpenInterest === undefined ? { timestamp, sumOpenInterestValue } : { timestamp, sumOpenInterest, sumOpenInterestValue };
  });
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}
