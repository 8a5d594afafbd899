import { toEpochMs } from './epoch-ms';
import type { Kline } from './kline';
import { KlineError } from './kline-error';
import {
  BINANCE_COLUMNS,
  OPTIONAL_FIELDS,
  REQUIRED_FIELDS,
  fieldAliases,
  resolveFieldNames,
  type KlineNumberField,
  type OptionalKlineField,
  type RequiredKlineField,
} from './kline-fields';
import { parseOptionalNumber, parseRequiredNumber } from './parse-number';

/** Options for {@link parseKlineCsv}. */
export interface KlineCsvOptions {
  /** Name of the input (e.g. the file path), used in error messages. */
  source?: string;
}

/** Klines with the 1-based line number each one came from (a parallel array). */
export interface NumberedKlines {
  readonly klines: Kline[];
  readonly rows: number[];
}

interface Column {
  readonly index: number;
  readonly name: string;
}

type Layout = Readonly<Record<RequiredKlineField, Column> & Partial<Record<OptionalKlineField, Column>>>;

/**
 * Parses kline CSV text into klines, in file order.
 *
 * With a header (the first field of the first line is not a number) columns are found by name,
 * ignoring case, `_`, `-` and spaces: Binance's public-data names and common aliases (`openTime`,
 * `timestamp`, `time`, `date` as numeric epochs; `quote_asset_volume`, `trades`, `number_of_trades`,
 * `taker_buy_base_asset_volume`, ...). Any set of columns with open time and OHLCV works; other
 * columns are ignored. Without a header, columns are in Binance's order (at least six).
 * Blank optional cells are missing (`undefined`), never zero. Timestamps in seconds or microseconds
 * become ms. Accepts a BOM, CRLF, blank lines, and `;` or tab as the delimiter when the first line
 * has no comma.
 * @throws KlineError `missing-field` (a required column or cell is absent) or `non-numeric`; `row` is
 * the 1-based line number in the text (header = line 1) and `field` the column name.
 */
export function parseKlineCsv(text: string, options: KlineCsvOptions = {}): Kline[] {
  return parseKlineCsvWithRows(text, options).klines;
}

/**
 * {@link parseKlineCsv}, also returning each kline's line number, to pass on as
 * `toKlineSeries(klines, { rows })` so validation errors point at the file's lines.
 */
export function parseKlineCsvWithRows(text: string, options: KlineCsvOptions = {}): NumberedKlines {
  const { source } = options;
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const klines: Kline[] = [];
  const rows: number[] = [];
  let first = 0;
  while (first < lines.length && isBlank(lines[first])) first++;
  if (first === lines.length) return { klines, rows };

  const delimiter = pickDelimiter(lines[first]);
  const head = withoutCr(lines[first]).split(delimiter);
  const hasHeader = isHeaderCell(head[0]);
  const layout = hasHeader ? headerLayout(head, first + 1, source) : BINANCE_LAYOUT;
  const minFields = hasHeader ? 0 : REQUIRED_FIELDS.length;

  for (let i = hasHeader ? first + 1 : first; i < lines.length; i++) {
    const line = withoutCr(lines[i]);
    if (isBlank(line)) continue;
    const cells = line.split(delimiter);
    const row = i + 1;
    if (cells.length < minFields) {
      const missing = BINANCE_COLUMNS[cells.length][0];
      const reason = `only ${cells.length} columns, expected at least ${minFields}`;
      throw new KlineError('missing-field', reason, row, missing, source);
    }
    const closeTime = optional(cells, layout.closeTime, row, source);
    klines.push({
      openTime: toEpochMs(required(cells, layout.openTime, row, source)),
      open: required(cells, layout.open, row, source),
      high: required(cells, layout.high, row, source),
      low: required(cells, layout.low, row, source),
      close: required(cells, layout.close, row, source),
      volume: required(cells, layout.volume, row, source),
      closeTime: closeTime === undefined ? undefined : toEpochMs(closeTime),
      quoteVolume: optional(cells, layout.quoteVolume, row, source),
      takerBuyBase: optional(cells, layout.takerBuyBase, row, source),
      takerBuyQuote: optional(cells, layout.takerBuyQuote, row, source),
      trades: optional(cells, layout.trades, row, source),
    });
    rows.push(row);
  }
  return { klines, rows };
}

const BINANCE_LAYOUT: Layout = Object.fromEntries(
  BINANCE_COLUMNS.flatMap(([name, field], index) => (field ? [[field, { index, name }]] : [])),
) as Layout;

function headerLayout(head: readonly string[], row: number, source: Source): Layout {
  const names = head.map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
  const found = resolveFieldNames(names);
  const layout: Partial<Record<KlineNumberField, Column>> = {};
  for (const field of [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]) {
    const index = found[field];
    if (index !== undefined) layout[field] = { index, name: names[index] };
  }
  for (const field of REQUIRED_FIELDS) {
    if (layout[field] === undefined) {
      const [name, ...others] = fieldAliases(field);
      const also = others.length > 0 ? ` (also accepted: ${others.join(', ')})` : '';
      throw new KlineError('missing-field', `header has no ${name} column${also}`, row, name, source);
    }
  }
  return layout as Layout;
}

type Source = string | undefined;

function required(cells: readonly string[], column: Column, row: number, source: Source): number {
  if (column.index >= cells.length) {
    throw new KlineError('missing-field', 'row ends before this column', row, column.name, source);
  }
  return parseRequiredNumber(cells[column.index], { field: column.name, row, source });
}

function optional(cells: readonly string[], column: Column | undefined, row: number, source: Source): number | undefined {
  if (column === undefined || column.index >= cells.length) return undefined;
  return parseOptionalNumber(cells[column.index], { field: column.name, row, source });
}

function isHeaderCell(cell: string): boolean {
  const text = cell.trim().replace(/^"(.*)"$/, '$1').trim();
  return text === '' || Number.isNaN(Number(text));
}

function pickDelimiter(line: string): string {
  if (line.includes(',')) return ',';
  if (line.includes('\t')) return '\t';
  return line.includes(';') ? ';' : ',';
}

function withoutCr(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}

function isBlank(line: string): boolean {
  return line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '');
}
