import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/klines/synthetic-klines';
import { HEADER, HOUR, randomWalkBars, T0, tempDir, toCsv, writeFixture, type Bar } from './cli-helpers';
import { runInProcess, type InProcessResult } from './in-process-cli';

// Every hostile file class through the CLI, in process: each run exits 0 with finite output, or 1 with one
// line naming the file (and the row and field when one row is at fault). No report ever shows NaN,
// Infinity, or a null other than a missing nearest level.

const dir = tempDir();
const BARS = randomWalkBars(60, 9);
/** Bar i is on line i + 2 of its CSV (line 1 is the header). */
const line = (i: number) => i + 2;
const csv = (bars: readonly Bar[]) => toCsv(bars);
const withBar = (i: number, change: Partial<Bar>) => BARS.map((b, j) => (j === i ? { ...b, ...change } : b));
const rows = (bars: readonly Bar[]) => bars.map((b) => [b.openTime, b.open, b.high, b.low, b.close, b.volume]);

/** Exit 0, or exit 1 naming the row and field (or only the file when no one row is at fault). */
type Outcome = 'ok' | { row?: number; field?: string; reason: RegExp };

interface HostileCase {
  name: string;
  text: string | Buffer;
  ext: string;
  outcome: Outcome;
}

function binary(length: number, seed: number): Buffer {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}

const constant = BARS.map((b) => ({ ...b, open: 100, high: 100, low: 100, close: 100 }));
const jump = BARS.map((b, i) => (i < 30 ? b : { ...b, open: b.open * 1000, high: b.high * 1000, low: b.low * 1000, close: b.close * 1000 }));
jump[30] = { ...jump[30], open: BARS[29].close, low: BARS[29].close };

const CASES: HostileCase[] = [
  { name: 'an empty file', text: '', ext: 'csv', outcome: { reason: /no klines/ } },
  { name: 'a header only', text: `${HEADER}\n`, ext: 'csv', outcome: { reason: /no klines/ } },
  { name: 'binary noise', text: binary(4096, 1), ext: 'csv', outcome: { row: 1, field: 'open_time', reason: /header has no open_time column/ } },
  { name: 'binary noise after a valid header', text: Buffer.concat([Buffer.from(`${HEADER}\n`), binary(4096, 2)]), ext: 'csv', outcome: { row: 2, field: 'open_time', reason: /not a number/ } },
  { name: 'a byte-order mark', text: `\uFEFF${csv(BARS)}`, ext: 'csv', outcome: 'ok' },
  { name: 'CRLF line ends', text: csv(BARS).replace(/\n/g, '\r\n'), ext: 'csv', outcome: 'ok' },
  { name: 'a row missing a column', text: csv(BARS).replace(/\n([^\n]*),[^,\n]*\n/, '\n$1\n'), ext: 'csv', outcome: { row: 2, field: 'volume', reason: /missing|ends before/ } },
  { name: 'extra columns', text: csv(BARS).replace(/\n/g, ',7,extra\n').replace(`${HEADER},7,extra`, `${HEADER},a,b`), ext: 'csv', outcome: 'ok' },
  { name: 'a NaN close', text: csv(BARS).replace(/\n([^\n]*),[^,\n]*,([^,\n]*)\n/, '\n$1,NaN,$2\n'), ext: 'csv', outcome: { row: 2, field: 'close', reason: /not a number/ } },
  { name: 'an Infinity high', text: csv(withBar(5, { high: Infinity })), ext: 'csv', outcome: { row: line(5), field: 'high', reason: /not a number/ } },
  { name: 'a high of 1e308', text: csv(withBar(7, { high: 1e308 })), ext: 'csv', outcome: { row: line(7), field: 'high', reason: /above the largest accepted price/ } },
  { name: 'a volume of 1e300', text: csv(withBar(8, { volume: 1e300 })), ext: 'csv', outcome: { row: line(8), field: 'volume', reason: /above the largest accepted volume/ } },
  { name: 'a negative low', text: csv(withBar(9, { low: -1 })), ext: 'csv', outcome: { row: line(9), field: 'low', reason: /negative/ } },
  { name: 'a zero volume everywhere', text: csv(BARS.map((b) => ({ ...b, volume: 0 }))), ext: 'csv', outcome: 'ok' },
  { name: 'a bar at price zero', text: csv(withBar(10, { open: 0, high: 0, low: 0, close: 0 })), ext: 'csv', outcome: 'ok' },
  { name: 'a high below the low', text: csv(withBar(11, { high: BARS[11].low - 1 })), ext: 'csv', outcome: { row: line(11), field: 'high', reason: /below/ } },
  { name: 'unsorted rows', text: csv([...BARS.slice(0, 20), BARS[21], BARS[20], ...BARS.slice(22)]), ext: 'csv', outcome: { row: line(21), field: 'openTime', reason: /before the previous/ } },
  { name: 'a duplicate row', text: csv([...BARS.slice(0, 13), BARS[12], ...BARS.slice(13)]), ext: 'csv', outcome: { row: line(13), field: 'openTime', reason: /repeats/ } },
  { name: 'a mixed interval', text: csv(BARS.map((b, i) => (i >= 40 ? { ...b, openTime: T0 + 40 * HOUR + (i - 40) * 60_000 } : b))), ext: 'csv', outcome: { row: line(41), field: 'openTime', reason: /not a whole number/ } },
  { name: 'open times in seconds', text: csv(BARS.map((b) => ({ ...b, openTime: b.openTime / 1000 }))), ext: 'csv', outcome: 'ok' },
  { name: 'seconds and ms mixed', text: csv(BARS.map((b, i) => (i % 2 ? { ...b, openTime: b.openTime / 1000 } : b))), ext: 'csv', outcome: 'ok' },
  { name: 'one bar', text: csv(BARS.slice(0, 1)), ext: 'csv', outcome: 'ok' },
  { name: 'a constant price', text: csv(constant), ext: 'csv', outcome: 'ok' },
  { name: 'a 1000x jump', text: csv(jump), ext: 'csv', outcome: 'ok' },
  { name: 'JSON REST rows with 1e308', text: JSON.stringify(rows(withBar(3, { high: 1e308 }))), ext: 'json', outcome: { row: 4, field: 'high', reason: /above the largest accepted price/ } },
  { name: 'a JSON object that is not a kline', text: '{"symbol":"BTCUSDT","price":"1"}', ext: 'json', outcome: { row: 1, field: 'openTime', reason: /missing/ } },
  { name: 'a JSON array of numbers', text: '[1,2,3]', ext: 'json', outcome: { row: 1, reason: /expected a REST kline row/ } },
  { name: 'a JSON string', text: '"klines"', ext: 'json', outcome: { row: 1, field: 'open_time', reason: /header has no open_time column/ } },
  { name: 'deeply nested JSON', text: `${'['.repeat(200_000)}${']'.repeat(200_000)}`, ext: 'json', outcome: { row: 1, field: 'open', reason: /expected 12/ } },
  { name: 'deeply nested JSON objects', text: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, ext: 'json', outcome: { row: 1, field: 'openTime', reason: /missing/ } },
];

const RUNS: readonly (readonly string[])[] = [['levels', '--json'], ['levels'], ['density', '--json'], ['density']];

function expectFinite(stdout: string, json: boolean): void {
  expect(stdout).not.toMatch(/NaN|Infinity/);
  if (!json) return;
  const walk = (value: unknown, key: string): void => {
    if (value === null) expect(['nearestAbove', 'nearestBelow']).toContain(key);
    else if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value as object)) walk(v, k);
  };
  walk(JSON.parse(stdout), '');
}

function expectOutcome(result: InProcessResult, file: string, outcome: Outcome, json: boolean): void {
  if (outcome === 'ok') {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expectFinite(result.stdout, json);
    return;
  }
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  if (outcome.row !== undefined) expect(lines[0]).toContain(`row ${outcome.row}`);
  if (outcome.field !== undefined) expect(lines[0]).toContain(`field ${outcome.field}`);
  expect(lines[0]).toMatch(outcome.reason);
}

describe('liq-heatmap over hostile kline files', () => {
  CASES.forEach((c, index) => {
    const file = writeFixture(dir, `case-${index}.${c.ext}`, c.text as string);
    it(`${c.outcome === 'ok' ? 'reads' : 'refuses'} ${c.name}`, async () => {
      for (const args of RUNS) {
        const result = await runInProcess([args[0], '--klines', file, ...args.slice(1)]);
        expectOutcome(result, file, c.outcome, args.includes('--json'));
      }
    });
  });
});
