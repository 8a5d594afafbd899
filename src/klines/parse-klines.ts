import { klineFromObject } from './from-object';
import { klineFromRestRow } from './from-rest-row';
import { klineFromWsMessage, looksLikeWsMessage } from './from-ws-payload';
import type { Kline, KlineSeries } from './kline';
import { KlineError } from './kline-error';
import { parseKlineCsvWithRows } from './parse-csv';
import { parseJsonText } from './parse-json-text';
import { toKlineSeries } from './to-series';

/** Options for {@link parseKlines}. */
export interface ParseKlinesOptions {
  /** Name of the input (e.g. the file path), used in error messages. */
  source?: string;
  /** Bar interval in ms; by default the most common spacing of open times. */
  intervalMs?: number;
}

/**
 * Parses klines in any accepted form and validates them into a {@link KlineSeries}.
 *
 * Text whose first non-blank character is `[` or `{` is JSON: an array of Binance REST rows, of
 * kline objects or of websocket messages; one websocket message; or JSON lines of those. Other
 * text is CSV (see {@link parseKlineCsv}). An array is read element by element (see
 * {@link parseKline}). Consecutive websocket updates of the same bar collapse to the latest one.
 * @throws KlineError `format` for malformed JSON or unknown elements, the kinds of
 * {@link parseKlineCsv} and {@link toKlineSeries} otherwise; rows are CSV/JSON-lines line numbers
 * or 1-based array indices.
 */
export function parseKlines(input: string | readonly unknown[], options: ParseKlinesOptions = {}): KlineSeries {
  const { source, intervalMs } = options;
  if (typeof input !== 'string') {
    if (!Array.isArray(input)) {
      throw new KlineError('format', 'expected kline text or an array of klines', undefined, undefined, source);
    }
    // Array.from, not map: map skips the holes of a sparse array, which would leave them without a row.
    return fromValues(input, Array.from(input, (_, index) => index + 1), options);
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const start = text.trimStart().charAt(0);
  if (start === '[' || start === '{') {
    const { values, rows } = parseJsonText(text, source);
    return fromValues(values, rows, options);
  }
  const { klines, rows } = parseKlineCsvWithRows(text, { source });
  return toKlineSeries(klines, { source, intervalMs, rows });
}

/**
 * Parses one kline, e.g. a live update: a Binance REST row (array), a websocket kline message (raw,
 * combined-stream or bare `k`), a plain kline object, or any of these as JSON text.
 * @param row - 1-based row for error messages.
 * @param source - name of the input, for error messages.
 * @throws KlineError `format`, `missing-field` or `non-numeric`.
 */
export function parseKline(value: unknown, row?: number, source?: string): Kline {
  return readElement(value, row, source).kline;
}

interface Element {
  readonly kline: Kline;
  readonly live: boolean;
}

function readElement(value: unknown, row: number | undefined, source: string | undefined): Element {
  if (Array.isArray(value)) return { kline: klineFromRestRow(value, row, source), live: false };
  if (typeof value === 'object' && value !== null) {
    return looksLikeWsMessage(value)
      ? { kline: klineFromWsMessage(value, row, source), live: true }
      : { kline: klineFromObject(value, row, source), live: false };
  }
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      throw new KlineError('format', `malformed JSON: ${(error as Error).message}`, row, undefined, source);
    }
    return readElement(parsed, row, source);
  }
  const got =
    typeof value === 'string' ? 'text that is not JSON' : value === null ? 'null' : value === undefined ? 'nothing (an empty element)' : `a ${typeof value}`;
  throw new KlineError(
    'format',
    `expected a REST kline row (array), a websocket kline message or a kline object, got ${got}`,
    row,
    undefined,
    source,
  );
}

function fromValues(values: readonly unknown[], rows: readonly number[], options: ParseKlinesOptions): KlineSeries {
  const { source, intervalMs } = options;
  const klines: Kline[] = [];
  const keptRows: number[] = [];
  let previousLive = false;
  for (let i = 0; i < values.length; i++) {
    const { kline, live } = readElement(values[i], rows[i], source);
    const last = klines.length - 1;
    // A stream sends many updates of the forming bar; the latest one wins.
    if (live && previousLive && last >= 0 && klines[last].openTime === kline.openTime) {
      klines[last] = kline;
      keptRows[last] = rows[i];
    } else {
      klines.push(kline);
      keptRows.push(rows[i]);
    }
    previousLive = live;
  }
  return toKlineSeries(klines, { source, intervalMs, rows: keptRows });
}
