import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/cli/read-input-file';
import { runInProcess, type InProcessResult } from './in-process-cli';

const dir = mkdtempSync(join(tmpdir(), 'liq-heatmap-input-'));

function expectRefused(result: InProcessResult, file: string, reason: RegExp): void {
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(reason);
}

describe('liq-heatmap refuses input that is not a regular file of sane size', () => {
  it('refuses /dev/zero instead of reading it into memory', async () => {
    const before = process.memoryUsage().rss;
    expectRefused(await runInProcess(['density', '--klines', '/dev/zero', '--json']), '/dev/zero', /character device.*not a regular file/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a directory', async () => {
    expectRefused(await runInProcess(['levels', '--klines', dir, '--json']), dir, /directory.*not a regular file/);
  });

  it('refuses a file above the size limit, naming the limit', async () => {
    const big = join(dir, 'huge.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_INPUT_BYTES + 1);
    closeSync(fd);
    expectRefused(await runInProcess(['levels', '--klines', big]), big, /256 MiB input limit/);
  });

  it('refuses a directory given as the liquidations file of evaluate', async () => {
    const klines = join(dir, 'BTCUSDT-1h.csv');
    writeFileSync(klines, 'open_time,open,high,low,close,volume\n1704067200000,1,2,0.5,1.5,10\n');
    expectRefused(await runInProcess(['evaluate', '--klines', klines, '--liquidations', dir]), dir, /directory.*not a regular file/);
  });
});
