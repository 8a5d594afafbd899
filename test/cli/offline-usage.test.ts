import { describe, expect, it } from 'vitest';
import { randomWalkBars, T0, tempDir, toCsv, writeFixture } from './cli-helpers';
import { runInProcess } from './in-process-cli';

const dir = tempDir();
const klines = writeFixture(dir, 'BTCUSDT-1h.csv', toCsv(randomWalkBars(72, 4)));
const liquidations = writeFixture(dir, 'liquidations.csv', `time,symbol,side,price,usd_size_recorded\n${T0 + 50 * 3_600_000},BTCUSDT,SELL,99,1000\n`);

describe('liq-heatmap offline usage errors exit 2 with a clear message', () => {
  for (const command of ['levels', 'density']) {
    for (const rows of ['9', '4001', '100000', '12.5']) {
      it(`${command} refuses --rows ${rows}`, async () => {
        const result = await runInProcess([command, '--klines', klines, '--rows', rows, '--json']);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain(`--rows must be a whole number from 10 to 4000, got '${rows}'`);
      });
    }
  }

  it('evaluate does not take --rows', async () => {
    const result = await runInProcess(['evaluate', '--klines', klines, '--liquidations', liquidations, '--rows', '50']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option --rows for 'evaluate'");
  });

  it('evaluate refuses a --lookback shorter than one bar, instead of an internal message', async () => {
    const result = await runInProcess(['evaluate', '--klines', klines, '--liquidations', liquidations, '--lookback', '1s']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`--lookback 1s is shorter than one bar of ${klines} (1h)`);
    expect(result.stderr).not.toMatch(/no column/);
  });

  it('evaluate runs with a --lookback of exactly one bar', async () => {
    const result = await runInProcess(['evaluate', '--klines', klines, '--liquidations', liquidations, '--lookback', '1h', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
