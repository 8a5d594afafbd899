import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliResult } from './cli-helpers';

/** The built CLI (`npm test` and `npm run test:cli` build it first; `npm run build` when running vitest directly). */
export const CLI_PATH = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));

if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build\` before these tests`);

/** Runs `node dist/cli.mjs ...args` to its end and returns its exit code and output. */
export function runBuiltCli(args: readonly string[], env?: Record<string, string>): CliResult {
  const options = { encoding: 'utf8' as const, timeout: 60_000, env: env ? { ...process.env, ...env } : process.env };
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], options);
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A running `node dist/cli.mjs`, its stdout lines and stderr text collected as they arrive. */
export interface SpawnedCli {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves to the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

/** Spawns the built CLI, collecting stdout lines and stderr text as they arrive. */
export function spawnBuiltCli(args: readonly string[]): SpawnedCli {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    partial += chunk.toString();
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, stderr: () => stderr, exited };
}
