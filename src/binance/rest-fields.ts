/**
 * Strict readers for fields of Binance JSON bodies. Binance sends most numbers as decimal strings
 * (`"11793.63104562"`) and times as integers; anything else is a wrong shape, reported by throwing
 * a {@link MalformedField} that names the field (`premiumIndex.markPrice`), which the client turns
 * into a `BinanceError('malformed', ...)`.
 */

/** A body field had the wrong shape. `path` names it, e.g. `openInterestHist[3].timestamp`. */
export class MalformedField extends Error {
  override readonly name = 'MalformedField';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** A JSON object (not null, not an array). */
export type JsonRecord = Readonly<Record<string, unknown>>;

const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** `value` as an object, or throws naming `path`. */
export function asRecord(value: unknown, path: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedField(path, `expected an object, got ${describeValue(value)}`);
  }
  return value as JsonRecord;
}

/** `value` as an array, or throws naming `path`. */
export function asArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new MalformedField(path, `expected an array, got ${describeValue(value)}`);
  return value;
}

/** A finite number given as a JSON number or a plain decimal string (no blanks, hex or `Infinity`). */
export function readNumber(record: JsonRecord, key: string, path: string): number {
  const value = record[key];
  const at = `${path}.${key}`;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string' && DECIMAL.test(value)) {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
  } else if (value === undefined) {
    throw new MalformedField(at, 'missing');
  }
  throw new MalformedField(at, `expected a number or a decimal string, got ${describeValue(value)}`);
}

/** An epoch-ms time: a whole, non-negative number (a numeric string is accepted too). */
export function readTime(record: JsonRecord, key: string, path: string): number {
  const n = readNumber(record, key, path);
  if (!Number.isInteger(n) || n < 0) {
    throw new MalformedField(`${path}.${key}`, `expected epoch milliseconds, got ${describeValue(record[key])}`);
  }
  return n;
}

/** A string field. */
export function readString(record: JsonRecord, key: string, path: string): string {
  const value = record[key];
  if (typeof value === 'string') return value;
  const at = `${path}.${key}`;
  throw new MalformedField(at, value === undefined ? 'missing' : `expected a string, got ${describeValue(value)}`);
}

/** A short description of a JSON value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
