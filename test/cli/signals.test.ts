import { spawn, spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_PATH } from './built-cli';
import { randomWalkBars, tempDir, toCsv, writeFixture } from './cli-helpers';

// These run the built binary: what is under test is how the process meets signals and blocking files.
const dir = tempDir();

/** The exit status a shell reports: the code, or 128 + the number of the signal that ended the process. */
function shellStatus(code: number | null, signal: NodeJS.Signals | null): number | null {
  return signal ? 128 + constants.signals[signal] : code;
}

/** Starts an offline run on a long file, sends `signal` after `afterMs`; resolves to the shell status and ms from signal to exit. */
function interrupt(signal: 'SIGINT' | 'SIGTERM', file: string, afterMs: number): Promise<{ status: number | null; exitMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, 'levels', '--klines', file, '--json'], { stdio: 'ignore' });
    let sentAt = 0;
    const timer = setTimeout(() => {
      sentAt = performance.now();
      child.kill(signal);
    }, afterMs);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ status: shellStatus(code, sig), exitMs: sentAt ? performance.now() - sentAt : -1 });
    });
  });
}

// 400,000 hourly bars: several seconds of parsing and model work, far longer than the wait before the signal.
const longFile = writeFixture(dir, 'long.csv', toCsv(randomWalkBars(400_000, 3)));

describe('liq-heatmap offline commands end promptly on a signal', () => {
  it('exits 130 within a second of SIGINT in the middle of the work', async () => {
    const { status, exitMs } = await interrupt('SIGINT', longFile, 800);
    expect(status).toBe(130);
    expect(exitMs).toBeGreaterThanOrEqual(0);
    expect(exitMs).toBeLessThan(1000);
  }, 60_000);

  it('exits 143 within a second of SIGTERM in the middle of the work', async () => {
    const { status, exitMs } = await interrupt('SIGTERM', longFile, 800);
    expect(status).toBe(143);
    expect(exitMs).toBeGreaterThanOrEqual(0);
    expect(exitMs).toBeLessThan(1000);
  }, 60_000);
});

describe('liq-heatmap never blocks on a FIFO', () => {
  it('refuses a FIFO without a writer at once, naming it, instead of waiting for a writer', () => {
    const fifo = join(dir, 'klines.fifo');
    execFileSync('mkfifo', [fifo]);
    const started = performance.now();
    const result = spawnSync(process.execPath, [CLI_PATH, 'levels', '--klines', fifo], { encoding: 'utf8', timeout: 15_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(fifo);
    expect(result.stderr).toMatch(/FIFO.*not a regular file/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
