import { describe, expect, it } from 'vitest';
import type { LevelsReport } from '../../src/levels/level';
import { must } from '../helpers/must';
import { HOUR, randomWalkBars, runCli, runJson, T0, tempDir, toCsv, writeFixture } from './cli-helpers';

// 200 hourly bars from 2024-01-01T00:00Z; bar i opens at T0 + i h and closes at T0 + (i + 1) h.
const dir = tempDir();
const bars = randomWalkBars(200, 11);
const file = writeFixture(dir, 'walk-1h.csv', toCsv(bars));
const iso = (ms: number) => new Date(ms).toISOString();
const levelsAt = (at: string) => runJson<LevelsReport>(['levels', '--klines', file, '--at', at, '--json']);

describe('liq-heatmap levels --at TIME', () => {
  it('includes the bar that closes exactly at TIME', async () => {
    // Bar 119 opens at T0 + 119 h and closes at T0 + 120 h = TIME.
    const report = await levelsAt(String(T0 + 120 * HOUR));
    expect(report.time).toBe(T0 + 119 * HOUR);
    expect(report.price).toBe(bars[119].close);
  });

  it('leaves out the bar still open at TIME', async () => {
    // Bar 120 opened at T0 + 120 h and is still open at T0 + 120.5 h.
    const report = await levelsAt(String(T0 + 120 * HOUR + HOUR / 2));
    expect(report.time).toBe(T0 + 119 * HOUR);
    expect(report.price).toBe(bars[119].close);
  });

  it('leaves out a bar that closes one millisecond after TIME', async () => {
    const report = await levelsAt(String(T0 + 120 * HOUR - 1));
    expect(report.time).toBe(T0 + 118 * HOUR);
    expect(report.price).toBe(bars[118].close);
  });

  it('reports the last bar with openTime + interval <= TIME for a range of times', async () => {
    for (const at of [T0 + HOUR, T0 + 37 * HOUR + 1, T0 + 150 * HOUR + 59 * 60_000, T0 + 199 * HOUR]) {
      const expected = must(bars.filter((b) => b.openTime + HOUR <= at).at(-1), `a bar closed by ${at}`);
      const report = await levelsAt(String(at));
      expect(report.time).toBe(expected.openTime);
      expect(report.price).toBe(expected.close);
    }
  });

  it('gives the same report as the file cut after the last bar closed at TIME', async () => {
    const at = T0 + 120 * HOUR + HOUR / 2;
    const cut = writeFixture(dir, 'cut-120.csv', toCsv(bars.slice(0, 120)));
    const viaAt = await runCli(['levels', '--klines', file, '--at', String(at), '--json']);
    const viaCut = await runCli(['levels', '--klines', cut, '--json']);
    expect(viaAt.status).toBe(0);
    expect(viaAt.stdout).toBe(viaCut.stdout);
  });

  it('ignores the bar still open at TIME and everything after it', async () => {
    const at = T0 + 120 * HOUR + HOUR / 2;
    // The same history up to bar 119, then a wild forming bar and a crash afterwards.
    const changed = bars.map((b, i) =>
      i < 120 ? b : { ...b, open: b.open * 0.5, high: b.high * 3, low: b.low * 0.2, close: b.close * 0.5, volume: b.volume * 50 },
    );
    const other = writeFixture(dir, 'changed-after-120.csv', toCsv(changed));
    const original = await runCli(['levels', '--klines', file, '--at', String(at), '--json']);
    const modified = await runCli(['levels', '--klines', other, '--at', String(at), '--json']);
    expect(modified.status).toBe(0);
    expect(modified.stdout).toBe(original.stdout);
  });

  it('accepts an ISO time with Z and gives output identical to the epoch ms form', async () => {
    const at = T0 + 120 * HOUR + HOUR / 2;
    const epoch = await runCli(['levels', '--klines', file, '--at', String(at), '--json']);
    const isoZ = await runCli(['levels', '--klines', file, '--at', '2024-01-06T00:30:00Z', '--json']);
    expect(iso(at)).toBe('2024-01-06T00:30:00.000Z');
    expect(epoch.status).toBe(0);
    expect(isoZ.status).toBe(0);
    expect(isoZ.stdout).toBe(epoch.stdout);
  });

  it('accepts an ISO time with milliseconds and gives output identical to the epoch ms form', async () => {
    const at = T0 + 120 * HOUR;
    const epoch = await runCli(['levels', '--klines', file, '--at', String(at), '--json']);
    const isoMs = await runCli(['levels', '--klines', file, '--at', iso(at), '--json']);
    expect(isoMs.status).toBe(0);
    expect(isoMs.stdout).toBe(epoch.stdout);
  });

  it('reads an ISO time without a zone as UTC', async () => {
    const withZ = await runCli(['levels', '--klines', file, '--at', '2024-01-06T00:30:00Z', '--json']);
    const noZone = await runCli(['levels', '--klines', file, '--at', '2024-01-06T00:30', '--json']);
    expect(noZone.status).toBe(0);
    expect(noZone.stdout).toBe(withZ.stdout);
  });

  it('honours an ISO time with a UTC offset', async () => {
    const withZ = await runCli(['levels', '--klines', file, '--at', '2024-01-06T00:30:00Z', '--json']);
    const offset = await runCli(['levels', '--klines', file, '--at', '2024-01-06T02:30:00+02:00', '--json']);
    expect(offset.status).toBe(0);
    expect(offset.stdout).toBe(withZ.stdout);
  });

  it('gives identical text tables for the ISO and epoch forms', async () => {
    const at = T0 + 120 * HOUR + HOUR / 2;
    const epoch = await runCli(['levels', '--klines', file, '--at', String(at)]);
    const isoZ = await runCli(['levels', '--klines', file, '--at', iso(at)]);
    expect(epoch.status).toBe(0);
    expect(isoZ.stdout).toBe(epoch.stdout);
  });

  it('uses every bar when TIME is after the last bar closed', async () => {
    const all = await runCli(['levels', '--klines', file, '--json']);
    const later = await runCli(['levels', '--klines', file, '--at', iso(T0 + 400 * HOUR), '--json']);
    expect(later.status).toBe(0);
    expect(later.stdout).toBe(all.stdout);
  });

  it('exits 1 naming the file when no bar had closed at TIME', async () => {
    const result = await runCli(['levels', '--klines', file, '--at', String(T0 + HOUR - 1), '--json']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
  });

  it('exits 2 for a TIME that is neither epoch ms nor ISO', async () => {
    const result = await runCli(['levels', '--klines', file, '--at', 'yesterday', '--json']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/--at/);
  });
});

describe('liq-heatmap --at TIME in a non-UTC time zone', () => {
  it('still reads an ISO time without a zone as UTC when TZ is not UTC', async () => {
    const utc = await runCli(['levels', '--klines', file, '--at', '2024-01-06T00:30:00Z', '--json']);
    const local = await runCli(['levels', '--klines', file, '--at', '2024-01-06T00:30', '--json'], { TZ: 'Asia/Kolkata' });
    expect(local.status).toBe(0);
    expect(local.stdout).toBe(utc.stdout);
  });

  it('prints the same text table whatever the TZ of the machine', async () => {
    const utc = await runCli(['levels', '--klines', file, '--at', '2024-01-06T00:30:00Z'], { TZ: 'UTC' });
    const local = await runCli(['levels', '--klines', file, '--at', '2024-01-06T00:30:00Z'], { TZ: 'America/New_York' });
    expect(local.status).toBe(0);
    expect(local.stdout).toBe(utc.stdout);
  });
});
