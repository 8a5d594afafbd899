import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { FakeBinance } from '../binance/fake-binance-http';
import { FakeStream } from '../binance/live-fake-stream';
import { runBuiltCli, spawnBuiltCli } from './built-cli';
import { HOUR, randomWalkBars, runCli, T0, tempDir, toCsv, writeFixture } from './cli-helpers';

// The other CLI tests call runCli in-process; these run `node dist/cli.mjs` once per command family, so
// the bundle, its shebang entry check, its output streams and its exit codes are covered too.
const dir = tempDir();
const bars = randomWalkBars(300, 3);
const file = writeFixture(dir, 'walk-1h.csv', toCsv(bars));
async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await delay(25);
  }
}

const LIQUIDATION_HEADER = 'time,symbol,side,price,usd_size_recorded';
const liquidations = writeFixture(
  dir,
  'liquidations.csv',
  [LIQUIDATION_HEADER, ...[200, 240, 280].map((i) => `${T0 + i * HOUR + 60_000},ETHUSDT,SELL,${bars[i].low},25000`)].join('\n') + '\n',
);

describe('the built binary dist/cli.mjs', () => {
  it('prints the same levels report as the in-process CLI and exits 0', async () => {
    const args = ['levels', '--klines', file, '--json'];
    const built = runBuiltCli(args);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout).toBe((await runCli(args)).stdout);
  });

  it('prints the same density column as the in-process CLI and exits 0', async () => {
    const args = ['density', '--klines', file, '--at', String(T0 + 250 * HOUR), '--json'];
    const built = runBuiltCli(args);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout).toBe((await runCli(args)).stdout);
  });

  it('prints the same evaluation as the in-process CLI and exits 0', async () => {
    const args = ['evaluate', '--klines', file, '--liquidations', liquidations, '--symbol', 'ETHUSDT', '--lookback', '5d', '--json'];
    const built = runBuiltCli(args);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout).toBe((await runCli(args)).stdout);
  });

  it('prints the usage for --help and exits 0', () => {
    const result = runBuiltCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/liq-heatmap levels/);
  });

  it('exits 2 with the usage on stderr for an unknown command', () => {
    const result = runBuiltCli(['levles', '--klines', file]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/levles/);
    expect(result.stderr).toMatch(/usage:/);
  });

  it('exits 1 with one line on stderr naming the file for unreadable input', () => {
    const missing = `${dir}/missing.csv`;
    const result = runBuiltCli(['levels', '--klines', missing, '--json']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(missing);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`watch handles ${signal} itself and exits instead of being killed by it`, async () => {
      const MINUTE = 60_000;
      const start = Math.floor(Date.now() / MINUTE) * MINUTE - 205 * MINUTE;
      const history = syntheticKlines(200, { start, intervalMs: MINUTE, price: 2500, volatility: 0.002 });
      const rest = await FakeBinance.start();
      const stream = await FakeStream.start({ symbol: 'ETHUSDT', interval: '1m', bars: history });
      const run = spawnBuiltCli(['watch', '--symbol', 'ETHUSDT', '--interval', '1m', '--lookback', '6h', '--rest-url', rest.url, '--ws-url', stream.baseUrl]);
      try {
        rest.setKlines('ETHUSDT', '1m', history);
        stream.advanceTo(199, 3, false);
        await until(() => stream.clients === 1 && run.lines.length >= 1, 'the first report and a connection');
        run.child.kill(signal);
        const code = await Promise.race([run.exited, delay(10_000).then(() => 'still running' as const)]);
        expect(code).not.toBe('still running');
        expect(code).not.toBeNull();
      } finally {
        run.child.kill('SIGKILL');
        await Promise.all([rest.close(), stream.close()]);
      }
    });
  }
});
