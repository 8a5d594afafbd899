import { KlineError } from './kline-error';

/** Where a value came from, for error messages. */
export interface FieldContext {
  readonly field: string;
  readonly row?: number;
  readonly source?: string;
}

/**
 * Reads a numeric field given as a number or a decimal string (surrounding whitespace and double
 * quotes allowed). Blank text, `null` and `undefined` are missing and give `undefined`, never zero.
 * @throws KlineError `non-numeric` for anything else: text, NaN, Infinity, hex/binary/octal literals,
 * booleans, objects.
 */
export function parseOptionalNumber(value: unknown, at: FieldContext): number | undefined {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw nonNumeric(value, at);
  }
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw nonNumeric(value, at);
  const n = Number(value);
  if (n - n === 0 && !isRadixLiteral(value)) {
    if (n === 0 && value.trim() === '') return undefined;
    return n;
  }
  const unquoted = stripQuotes(value);
  if (unquoted !== value) return parseOptionalNumber(unquoted, at);
  throw nonNumeric(value, at);
}

/**
 * Like {@link parseOptionalNumber} but the value must be present.
 * @throws KlineError `missing-field` when blank or absent, `non-numeric` when not a number.
 */
export function parseRequiredNumber(value: unknown, at: FieldContext): number {
  const n = parseOptionalNumber(value, at);
  if (n === undefined) throw new KlineError('missing-field', 'required value is missing', at.row, at.field, at.source);
  return n;
}

function nonNumeric(value: unknown, at: FieldContext): KlineError {
  return new KlineError('non-numeric', `not a number: ${describe(value)}`, at.row, at.field, at.source);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

// Number() accepts 0x10, 0b10 and 0o10; a kline file never means those.
function isRadixLiteral(text: string): boolean {
  const s = text.charCodeAt(0) <= 32 ? text.trim() : text;
  if (s.length < 3 || s.charCodeAt(0) !== 48) return false;
  const prefix = s.charCodeAt(1) | 32;
  return prefix === 120 || prefix === 98 || prefix === 111;
}

function stripQuotes(text: string): string {
  const s = text.trim();
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : text;
}
