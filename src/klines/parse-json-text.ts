import { KlineError } from './kline-error';

/** Values read from JSON text, each with its row (array index or JSON-lines line number, 1-based). */
export interface NumberedValues {
  readonly values: readonly unknown[];
  readonly rows: readonly number[];
}

/**
 * Reads JSON text holding klines: one array (rows are 1-based element indices), one object (row 1),
 * or JSON lines, one value per line (rows are line numbers; blank lines skipped).
 * @throws KlineError `format` for malformed JSON, with the line of the fault when known.
 */
export function parseJsonText(text: string, source?: string): NumberedValues {
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch (error) {
    const lines = text.split('\n');
    if (looksLikeJsonLines(lines)) return parseJsonLines(lines, source);
    throw new KlineError('format', `malformed JSON: ${messageOf(error)}`, faultLine(text, error), undefined, source);
  }
  if (Array.isArray(whole)) return { values: whole, rows: whole.map((_, index) => index + 1) };
  return { values: [whole], rows: [1] };
}

function looksLikeJsonLines(lines: readonly string[]): boolean {
  const filled = lines.filter((line) => line.trim() !== '');
  if (filled.length < 2) return false;
  try {
    JSON.parse(filled[0]);
    return true;
  } catch {
    return false;
  }
}

function parseJsonLines(lines: readonly string[], source: string | undefined): NumberedValues {
  const values: unknown[] = [];
  const rows: number[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      values.push(JSON.parse(line));
    } catch (error) {
      throw new KlineError('format', `malformed JSON line: ${messageOf(error)}`, index + 1, undefined, source);
    }
    rows.push(index + 1);
  });
  return { values, rows };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// V8 reports "... at position N" or "(line L column C)" for some faults only; other engines neither.
function faultLine(text: string, error: unknown): number | undefined {
  const message = messageOf(error);
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  if (position) return lineAt(text, Number(position[1]));
  if (/unexpected end/i.test(message)) return lineAt(text, text.trimEnd().length);
  return undefined;
}

function lineAt(text: string, position: number): number {
  let count = 1;
  const end = Math.min(position, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}
