import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVED = /http:\/\/127\.0\.0\.1:(\d+)\//;

/** `npm start` in `cwd` (its own process group, so the server under npm stops with it). */
function npmStart(cwd: string): { child: ChildProcess; served: Promise<{ url: string; ms: number; output: string }> } {
  const started = Date.now();
  const child = spawn('npm', ['start'], { cwd, detached: true, env: { ...process.env, PORT: '0', CI: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const served = new Promise<{ url: string; ms: number; output: string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = SERVED.exec(output);
      if (match) resolve({ url: match[0], ms: Date.now() - started, output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code} before serving:\n${output}`)));
  });
  return { child, served };
}

function stop(child: ChildProcess | undefined) {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
}

// Clones the committed HEAD: what a user gets, without this checkout's node_modules or dist/.
describe('npm start on a fresh clone', () => {
  let dir = '';
  let running: ChildProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'liq-clone-'));
    const clone = spawnSync('git', ['clone', '--quiet', ROOT, dir], { encoding: 'utf8' });
    if (clone.status !== 0) throw new Error(`git clone failed: ${clone.stderr}`);
  });
  afterAll(() => {
    stop(running);
    rmSync(dir, { recursive: true, force: true });
  });

  it('installs, builds and serves the demo as the very first command', async () => {
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    const start = npmStart(dir);
    running = start.child;
    const { url, output } = await start.served;
    expect(output).toMatch(/node_modules is missing: running npm ci/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="chart"');
    expect((await fetch(`${url}dist/index.umd.js`)).status).toBe(200);
    stop(running);
  }, 300_000);

  it('a warm start with an up-to-date build serves in under 5 s, without installing or building', async () => {
    const start = npmStart(dir);
    running = start.child;
    const { ms, output } = await start.served;
    console.log(`warm npm start served after ${ms} ms`);
    expect(output).not.toMatch(/running npm ci|building dist/);
    expect(ms).toBeLessThan(5_000);
  }, 60_000);
});
