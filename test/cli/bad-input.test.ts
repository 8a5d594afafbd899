import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER, randomWalkBars, runCli, tempDir, toCsv, writeFixture, type Bar, type CliResult } from './cli-helpers';

const dir = tempDir();
const bars = randomWalkBars(40, 5);
const good = writeFixture(dir, 'good.csv', toCsv(bars));

/** CSV lines of the bars: index 0 is the header (line 1), bar i is index i + 1 (line i + 2). */
const csvLines = (list: readonly Bar[] = bars) => toCsv(list).trimEnd().split('\n');

/** Asserts exit 1, nothing on stdout, and exactly one line on stderr naming the file and matching `parts`. */
function expectBadInput(result: CliResult, file: string, ...parts: (string | RegExp)[]): string {
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  const line = lines[0];
  expect(line).toContain(file);
  for (const part of parts) {
    if (typeof part === 'string') expect(line).toContain(part);
    else expect(line).toMatch(part);
  }
  return line;
}

describe('liq-heatmap bad kline input: exit 1, one line on stderr naming file, row and reason', () => {
  it('reports a non-numeric field with the line number of the file as its row', async () => {
    const lines = csvLines();
    // Bar 9 is on line 11 of the file (header = line 1); its 9th data row.
    const cells = lines[10].split(',');
    cells[4] = 'abc';
    lines[10] = cells.join(',');
    const file = writeFixture(dir, 'non-numeric.csv', `${lines.join('\n')}\n`);
    const line = expectBadInput(await runCli(['levels', '--klines', file, '--json']), file, 'row 11', 'close', /not a number|non-numeric/i);
    expect(line).toContain('abc');
    expect(line).not.toMatch(/row 10\b/);
  });

  it('reports a non-numeric field in the first data row as line 2', async () => {
    const lines = csvLines();
    const cells = lines[1].split(',');
    cells[2] = '12x';
    lines[1] = cells.join(',');
    const file = writeFixture(dir, 'non-numeric-first.csv', `${lines.join('\n')}\n`);
    expectBadInput(await runCli(['levels', '--klines', file]), file, 'row 2', 'high', /not a number|non-numeric/i);
  });

  it('reports a high below the body of its bar', async () => {
    const changed = bars.map((b, i) => (i === 14 ? { ...b, high: Math.round((Math.max(b.open, b.close) - 0.5) * 100) / 100 } : b));
    const file = writeFixture(dir, 'high-below-body.csv', toCsv(changed));
    // Bar 14 is on line 16.
    expectBadInput(await runCli(['levels', '--klines', file, '--json']), file, 'row 16', /high/i, /below/i);
  });

  it('reports unsorted open times at the row that goes back in time', async () => {
    const swapped = [...bars];
    [swapped[20], swapped[21]] = [swapped[21], swapped[20]];
    const file = writeFixture(dir, 'unsorted.csv', toCsv(swapped));
    // The bar now at index 21 (line 23) opens before the one above it.
    expectBadInput(await runCli(['levels', '--klines', file, '--json']), file, 'row 23', /before|sorted|order|oldest first/i);
  });

  it('reports a duplicate open time at the repeating row', async () => {
    const changed = bars.map((b, i) => (i === 17 ? { ...b, openTime: bars[16].openTime } : b));
    const file = writeFixture(dir, 'duplicate.csv', toCsv(changed));
    // Bar 17 (line 19) repeats bar 16's open time.
    expectBadInput(await runCli(['levels', '--klines', file, '--json']), file, 'row 19', /repeat|duplicate/i);
  });

  it('reports a negative volume', async () => {
    const changed = bars.map((b, i) => (i === 3 ? { ...b, volume: -5 } : b));
    const file = writeFixture(dir, 'negative.csv', toCsv(changed));
    expectBadInput(await runCli(['levels', '--klines', file, '--json']), file, 'row 5', /negative/i);
  });

  it('reports an empty file', async () => {
    const file = writeFixture(dir, 'empty.csv', '');
    expectBadInput(await runCli(['levels', '--klines', file, '--json']), file, /no klines|empty/i);
  });

  it('reports a file with only the header', async () => {
    const file = writeFixture(dir, 'header-only.csv', `${HEADER}\n`);
    expectBadInput(await runCli(['levels', '--klines', file, '--json']), file, /no klines|empty/i);
  });

  it('reports a missing file', async () => {
    const file = join(dir, 'does-not-exist.csv');
    expectBadInput(await runCli(['levels', '--klines', file, '--json']), file, /cannot read|ENOENT|no such file|not found/i);
  });

  it('reports bad input the same way for density', async () => {
    const changed = bars.map((b, i) => (i === 14 ? { ...b, high: Math.round((Math.max(b.open, b.close) - 0.5) * 100) / 100 } : b));
    const file = writeFixture(dir, 'high-below-body-density.csv', toCsv(changed));
    expectBadInput(await runCli(['density', '--klines', file, '--json']), file, 'row 16', /high/i, /below/i);
  });

  it('reports a missing file the same way for density', async () => {
    const file = join(dir, 'also-missing.csv');
    expectBadInput(await runCli(['density', '--klines', file, '--json']), file, /cannot read|ENOENT|no such file|not found/i);
  });
});

describe('liq-heatmap usage errors exit 2', () => {
  const expectUsage = (result: CliResult, pattern?: RegExp) => {
    expect(result.status).toBe(2);
    expect(result.stdout).not.toMatch(/"above"|"rows"/);
    if (pattern) expect(result.stderr).toMatch(pattern);
  };

  it('rejects an unknown command', async () => {
    expectUsage(await runCli(['levles', '--klines', good, '--json']), /levles/);
  });

  it('rejects no command at all', async () => {
    expectUsage(await runCli([]));
  });

  it('rejects levels without --klines', async () => {
    expectUsage(await runCli(['levels', '--json']), /--klines/);
  });

  it('rejects density without --klines', async () => {
    expectUsage(await runCli(['density', '--json']), /--klines/);
  });

  it('rejects --top 0', async () => {
    expectUsage(await runCli(['levels', '--klines', good, '--top', '0', '--json']), /--top/);
  });

  it('rejects a --top that is not a number', async () => {
    expectUsage(await runCli(['levels', '--klines', good, '--top', 'five', '--json']), /--top/);
  });

  it('rejects a fractional --top', async () => {
    expectUsage(await runCli(['levels', '--klines', good, '--top', '2.5', '--json']), /--top/);
  });

  it('rejects a negative --top', async () => {
    expectUsage(await runCli(['levels', '--klines', good, '--top', '-3', '--json']), /--top/);
  });

  it('rejects --top without a value', async () => {
    expectUsage(await runCli(['levels', '--klines', good, '--json', '--top']), /--top/);
  });

  it('rejects an unexpected extra argument', async () => {
    expectUsage(await runCli(['levels', 'extra', '--klines', good, '--json']), /extra/);
  });

  it('rejects an unknown --interval', async () => {
    expectUsage(await runCli(['levels', '--klines', good, '--interval', '7x', '--json']), /--interval/);
  });

  it('rejects an unknown option such as a misspelt --at', async () => {
    // `--att` silently ignored would print the report of the file's last bar: a look-ahead result.
    expectUsage(await runCli(['levels', '--klines', good, '--att', '2024-01-01T10:00:00Z', '--json']), /--att/);
  });

  it('rejects a bad --top with exit 2 even when the file cannot be read', async () => {
    expectUsage(await runCli(['levels', '--klines', join(dir, 'missing-too.csv'), '--top', '0', '--json']), /--top/);
  });

  it('prints the usage for --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/liq-heatmap levels/);
    expect(result.stdout).toMatch(/--klines/);
  });
});
