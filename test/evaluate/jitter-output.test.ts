import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JitterSpread } from '../../src/evaluate/density-jitter';
import type { CrossValidationJson, EvaluateJson } from '../cli/cli-json';
import { HOUR, lazy, randomWalkBars, runCli, runJson, T0, tempDir, toCsv, writeFixture } from '../cli/cli-helpers';

const LIQ_HEADER = 'time,symbol,side,order_type,price,average_price,original_quantity,filled_quantity,usd_size_recorded,source';
const JITTER_LINE = /^Heatmap lift under density jitter/m;

/** 40 days of hourly ETHUSDT bars and a long and a short liquidation at the extremes of one bar on each of three days. */
function fixtures() {
  const dir = tempDir();
  const bars = randomWalkBars(24 * 40, 3);
  const klinesDir = join(dir, 'klines');
  mkdirSync(klinesDir);
  writeFixture(klinesDir, 'ETHUSDT-PERP_1h_test.csv', toCsv(bars));
  const rows: string[] = [];
  for (const day of [30, 33, 36]) {
    const i = day * 24 + 5;
    const t = T0 + i * HOUR + 10 * 60_000;
    rows.push(`${t},ETHUSDT,SELL,LIMIT,${bars[i].low},,1,1,${100 * day},src`);
    rows.push(`${t + 60_000},ETHUSDT,BUY,LIMIT,${bars[i].high},,1,1,${50 * day},src`);
  }
  const liquidations = writeFixture(dir, 'orders.csv', [LIQ_HEADER, ...rows].join('\n') + '\n');
  return ['--klines', klinesDir, '--liquidations', liquidations];
}

describe('evaluate: the lift under density jitter', () => {
  const inputs = lazy(fixtures);

  it('prints the spread under ±0.1 % density jitter by default, saying what it measures', async () => {
    const out = (await runCli(['evaluate', ...inputs()])).stdout;
    expect(out).toMatch(/^Heatmap lift under density jitter: .*±0\.1 %, 40 draws/m);
    expect(out).toMatch(/how much the figure depends on near-ties: density differences under 0\.1 %/);
    expect(out).toMatch(/^pooled +\d\.\d\d \[\d\.\d\d, \d\.\d\d\] +\d\.\d\d \[/m);
  });

  it('--jitter 0 prints no jitter line and gives no jitter in --json', async () => {
    const result = await runCli(['evaluate', ...inputs(), '--jitter', '0']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Heatmap lift against the near-price prior/m);
    expect(result.stdout).not.toMatch(JITTER_LINE);
    const json = await runJson<EvaluateJson & { jitter: JitterSpread | null }>(['evaluate', ...inputs(), '--jitter', '0', '--json']);
    expect(json.jitter).toBeNull();
  });

  it('--json gives the jitter object with its options and the plain lift beside the spread', async () => {
    const json = await runJson<EvaluateJson & { jitter: JitterSpread }>(['evaluate', ...inputs(), '--jitter', '0.002', '--jitter-draws', '7', '--json']);
    expect(json.jitter).toMatchObject({ amplitude: 0.002, draws: 7, seed: 13 });
    expect(json.jitter.pooled.usd.heatmapLift.value).toBe(json.summary.pooled.usd.heatmapLift.value);
    expect(json.jitter.pooled.count.priorLift.value).toBe(json.summary.pooled.count.priorLift.value);
  });

  it('with --cv day the spread is that of the held-out scores', async () => {
    const json = await runJson<CrossValidationJson & { jitter: JitterSpread }>(['evaluate', ...inputs(), '--cv', 'day', '--grid', 'model.sweep=full,body', '--json']);
    expect(json.jitter.pooled.usd.heatmapLift.value).toBe(json.summary.pooled.usd.heatmapLift.value);
    expect(json.jitter.short.count.heatmapLift.value).toBe(json.summary.short.count.heatmapLift.value);
  });

  it('a --jitter that is not a fraction below 1 is a usage error naming it', async () => {
    const result = await runCli(['evaluate', ...inputs(), '--jitter', '5%']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--jitter must be a fraction .* got '5%'/);
  });
});
