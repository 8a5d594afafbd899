import { describe, expect, it } from 'vitest';
import { lazy, randomWalkBars, runCli, runJson, tempDir, toCsv, writeFixture } from './cli-helpers';
import type { FirstTouchJson } from './cli-json';

describe('liq-heatmap first-touch', () => {
  const file = lazy(() => writeFixture(tempDir(), 'ETHUSDT-PERP_1h_walk.csv', toCsv(randomWalkBars(24 * 60))));

  it('prints the three reads with intervals beside the random walk', async () => {
    const result = await runCli(['first-touch', '--klines', file(), '--lookback', '20d']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ETHUSDT 1h \(ETHUSDT-PERP_1h_walk\.csv\): which nearest significant level/);
    expect(result.stdout).toMatch(/^nearer level reached first +\d+ +[\d.]+% \[[\d.]+, [\d.]+\] +[\d.]+%/m);
    expect(result.stdout).toMatch(/^stronger level first/m);
    expect(result.stdout).toMatch(/^bias side reached first/m);
  });

  it('--json: cuts every --every bars after --lookback while --horizon of bars follows', async () => {
    const out = await runJson<FirstTouchJson>(['first-touch', '--klines', file(), '--lookback', '20d', '--every', '24', '--horizon', '12h', '--json']);
    expect(out.cuts).toBe(Math.floor((24 * 60 - 12 - 24 * 20) / 24) + 1);
    expect(out.cases.length + out.withoutLevels).toBe(out.cuts);
    expect(Object.keys(out.nearer).sort()).toEqual(['cases', 'overRandomWalk', 'randomWalk', 'share']);
  });

  it('bad usage exits 2: no --klines, --every 0, an unknown option', async () => {
    expect((await runCli(['first-touch'])).status).toBe(2);
    expect((await runCli(['first-touch', '--klines', file(), '--every', '0'])).status).toBe(2);
    expect((await runCli(['first-touch', '--klines', file(), '--top', '3'])).status).toBe(2);
  });
});
