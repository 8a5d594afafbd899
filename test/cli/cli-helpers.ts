import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli as runCliInProcess } from '../../src/cli/main';
import type { Kline } from '../../src/klines/kline';
import type { LevelsReport } from '../../src/levels/level';
import { seededRandom } from '../../src/klines/synthetic-klines';

export const HOUR = 3_600_000;
/** 2024-01-01T00:00:00Z. */
export const T0 = Date.UTC(2024, 0, 1);
export const HEADER = 'open_time,open,high,low,close,volume';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process (`runCli` of src/cli/main.ts) and returns its exit code and output, each
 * line ending in a newline as the binary writes it. `env` is set in `process.env` for the run (e.g. `TZ`,
 * which Node applies as soon as it is assigned) and restored afterwards.
 */
export async function runCli(args: readonly string[], env?: Record<string, string>): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const restoreEnv = setEnv(env ?? {});
  try {
    const status = await runCliInProcess(
      args,
      (text) => (stdout += `${text}\n`),
      (text) => (stderr += `${text}\n`),
    );
    return { status, stdout, stderr };
  } finally {
    restoreEnv();
  }
}

function setEnv(env: Record<string, string>): () => void {
  const saved = Object.keys(env).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** Runs the CLI, expects exit 0 and nothing on stderr, and parses stdout as JSON. */
export async function runJson<T>(args: readonly string[]): Promise<T> {
  const result = await runCli(args);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** A fresh temporary directory for this test file's fixtures. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'liq-heatmap-cli-'));
}

/** Writes `text` to `dir/name` and returns the path. */
export function writeFixture(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

export type Bar = Pick<Kline, 'openTime' | 'open' | 'high' | 'low' | 'close' | 'volume'>;

/** `count` hourly bars from `start`: a gentle seeded random walk around 100 with a slow swing. */
export function randomWalkBars(count: number, seed = 1, start = T0): Bar[] {
  const random = seededRandom(seed);
  const bars: Bar[] = [];
  let price = 100;
  for (let i = 0; i < count; i++) {
    const open = price;
    const close = Math.max(1, open * (1 + (random() - 0.5) * 0.012 + 0.002 * Math.sin(i / 40)));
    const high = Math.max(open, close) * (1 + random() * 0.004);
    const low = Math.min(open, close) * (1 - random() * 0.004);
    const volume = 500 + random() * 1500;
    bars.push({ openTime: start + i * HOUR, open: round(open), high: round(high), low: round(low), close: round(close), volume: round(volume) });
    price = round(close);
  }
  return bars;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The bars as CSV with the Binance header, one bar per line (line 1 = header, bar i on line i + 2). */
export function toCsv(bars: readonly Bar[]): string {
  return [HEADER, ...bars.map((b) => `${b.openTime},${b.open},${b.high},${b.low},${b.close},${b.volume}`)].join('\n') + '\n';
}

/** The field names of the levels report, as the issue and `LevelsReport` define them. */
export const REPORT_FIELDS = ['above', 'below', 'bias', 'mmr', 'mmrNote', 'nearestAbove', 'nearestBelow', 'price', 'swept', 'sweepRule', 'time', 'totals', 'unit', 'warmup'];

/** The field names of one level. */
export const LEVEL_FIELDS = ['distancePct', 'firstSeen', 'high', 'id', 'low', 'notional', 'price', 'side', 'strength'];

/** Asserts every level of a report sits on its side of price with its side's label and sane numbers. */
export function expectLevelsOnTheirSides(report: LevelsReport): void {
  const price: number = report.price;
  for (const level of report.above) {
    expect(level.side).toBe('short');
    expect(level.price).toBeGreaterThan(price);
    expect(level.distancePct).toBeGreaterThan(0);
  }
  for (const level of report.below) {
    expect(level.side).toBe('long');
    expect(level.price).toBeLessThan(price);
    expect(level.distancePct).toBeLessThan(0);
  }
  if (report.nearestAbove) {
    expect(report.nearestAbove.side).toBe('short');
    expect(report.nearestAbove.price).toBeGreaterThan(price);
  }
  if (report.nearestBelow) {
    expect(report.nearestBelow.side).toBe('long');
    expect(report.nearestBelow.price).toBeLessThan(price);
  }
}

/** `fn`'s value, computed on first use (so a failing CLI run fails a test, not the collection). */
export function lazy<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}
