import { describe, expect, it } from 'vitest';
import type { LevelsReport } from '../../src/levels/level';
import {
  expectLevelsOnTheirSides,
  HOUR,
  lazy,
  LEVEL_FIELDS,
  randomWalkBars,
  REPORT_FIELDS,
  runCli,
  runJson,
  T0,
  tempDir,
  toCsv,
  writeFixture,
} from './cli-helpers';

const dir = tempDir();
const bars = randomWalkBars(400, 7);
const file = writeFixture(dir, 'walk-1h.csv', toCsv(bars));
const last = bars[bars.length - 1];

describe('liq-heatmap levels --klines FILE --json', () => {
  const getReport = lazy(() => runJson<LevelsReport>(['levels', '--klines', file, '--json']));

  it('prints the report object with exactly the report fields', async () => {
    const report = await getReport();
    expect(Object.keys(report).sort()).toEqual([...REPORT_FIELDS].sort());
  });

  it('gives each level exactly price, low, high, side, strength, notional, distancePct, firstSeen', async () => {
    const report = await getReport();
    const levels = [...report.above, ...report.below, report.nearestAbove, report.nearestBelow].filter((level) => level !== null);
    expect(levels.length).toBeGreaterThan(0);
    for (const level of levels) expect(Object.keys(level).sort()).toEqual([...LEVEL_FIELDS].sort());
  });

  it('finds levels on both sides of price for a random walk', async () => {
    const report = await getReport();
    expect(report.above.length).toBeGreaterThan(0);
    expect(report.below.length).toBeGreaterThan(0);
  });

  it('puts levels above price with side short and levels below price with side long', async () => {
    const report = await getReport();
    expectLevelsOnTheirSides(report);
  });

  it('gives each level a zone around its price, strength in 0..1, a positive size and its distance from price', async () => {
    const report = await getReport();
    for (const level of [...report.above, ...report.below]) {
      expect(level.low).toBeLessThanOrEqual(level.price);
      expect(level.high).toBeGreaterThanOrEqual(level.price);
      expect(level.strength).toBeGreaterThanOrEqual(0);
      expect(level.strength).toBeLessThanOrEqual(1);
      expect(level.notional).toBeGreaterThan(0);
      expect(level.distancePct).toBeCloseTo(((level.price - report.price) / report.price) * 100, 9);
      expect(level.firstSeen).toBeGreaterThanOrEqual(T0);
      expect(level.firstSeen).toBeLessThanOrEqual(report.time);
      expect((level.firstSeen - T0) % HOUR).toBe(0);
    }
  });

  it('lists levels nearest first on each side', async () => {
    const report = await getReport();
    for (const side of [report.above, report.below]) {
      const distances = side.map((l: { distancePct: number }) => Math.abs(l.distancePct));
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
    }
  });

  it('describes the last bar of the file: its open time and its close', async () => {
    const report = await getReport();
    expect(report.time).toBe(last.openTime);
    expect(report.price).toBe(last.close);
  });

  it('reports relative heat as the unit without open interest', async () => {
    const report = await getReport();
    expect(report.unit).toBe('heat');
    expect(typeof report.sweepRule).toBe('string');
    expect(Number.isFinite(report.totals.above) && report.totals.above >= 0).toBe(true);
    expect(Number.isFinite(report.totals.below) && report.totals.below >= 0).toBe(true);
    expect(['long-flush', 'short-squeeze', 'balanced']).toContain(report.bias.label);
    expect(Array.isArray(report.swept)).toBe(true);
  });

  it('lists at most 5 levels on each side by default', async () => {
    const report = await getReport();
    expect(report.above.length).toBeLessThanOrEqual(5);
    expect(report.below.length).toBeLessThanOrEqual(5);
  });

  it('is deterministic: the same file gives the same output', async () => {
    const report = await getReport();
    const again = await runJson<LevelsReport>(['levels', '--klines', file, '--json']);
    expect(again).toEqual(report);
  });
});

describe('liq-heatmap levels --top N', () => {
  const getFull = lazy(() => runJson<LevelsReport>(['levels', '--klines', file, '--json', '--top', '100']));

  it('--top 1 lists one level on each side', async () => {
    const full = await getFull();
    expect(full.above.length).toBeGreaterThan(1);
    expect(full.below.length).toBeGreaterThan(1);
    const one = await runJson<LevelsReport>(['levels', '--klines', file, '--json', '--top', '1']);
    expect(one.above).toHaveLength(1);
    expect(one.below).toHaveLength(1);
  });

  it('--top 2 lists at most two levels on each side, taken from the full list', async () => {
    const full = await getFull();
    const two = await runJson<LevelsReport>(['levels', '--klines', file, '--json', '--top', '2']);
    expect(two.above.length).toBe(Math.min(2, full.above.length));
    expect(two.below.length).toBe(Math.min(2, full.below.length));
    for (const level of [...two.above, ...two.below]) expect([...full.above, ...full.below]).toContainEqual(level);
  });

  it('--top does not change price, time, totals or the nearest levels', async () => {
    const full = await getFull();
    const two = await runJson<LevelsReport>(['levels', '--klines', file, '--json', '--top', '2']);
    expect(two.price).toBe(full.price);
    expect(two.time).toBe(full.time);
    expect(two.totals).toEqual(full.totals);
    expect(two.nearestAbove).toEqual(full.nearestAbove);
    expect(two.nearestBelow).toEqual(full.nearestBelow);
  });

  it('accepts --top=N as well as --top N', async () => {
    const spaced = await runCli(['levels', '--klines', file, '--json', '--top', '3']);
    const joined = await runCli(['levels', '--klines', file, '--json', '--top=3']);
    expect(joined.status).toBe(0);
    expect(joined.stdout).toBe(spaced.stdout);
  });
});

describe('liq-heatmap levels without --json', () => {
  const getResult = lazy(() => runCli(['levels', '--klines', file]));
  const getJson = lazy(() => runJson<LevelsReport>(['levels', '--klines', file, '--json']));

  it('exits 0 with a readable table, not JSON', async () => {
    const result = await getResult();
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(() => JSON.parse(result.stdout)).toThrow();
    expect(result.stdout.split('\n').length).toBeGreaterThan(8);
  });

  it('shows the current price', async () => {
    const result = await getResult();
    const json = await getJson();
    // The price is formatted for reading (thousands separators, fixed decimals): compare values.
    const firstLine = result.stdout.split('\n')[0];
    expect(firstLine).toMatch(/price/i);
    const numbers = (firstLine.match(/\d[\d,]*(\.\d+)?/g) ?? []).map((s) => Number(s.replace(/,/g, '')));
    expect(numbers.some((n) => Math.abs(n - json.price) <= Math.abs(json.price) * 1e-4)).toBe(true);
  });

  it('has an above section and a below section', async () => {
    const result = await getResult();
    expect(result.stdout).toMatch(/above/i);
    expect(result.stdout).toMatch(/below/i);
    expect(result.stdout.search(/above/i)).toBeLessThan(result.stdout.search(/below:/i));
  });

  it('says the levels are an estimate', async () => {
    const result = await getResult();
    expect(result.stdout).toMatch(/estimat/i);
  });

  it('shows the time of the bar it describes', async () => {
    const result = await getResult();
    const json = await getJson();
    expect(result.stdout).toContain(new Date(json.time).toISOString().slice(0, 16).replace('T', ' '));
  });
});

describe('liq-heatmap levels with Binance JSON klines', () => {
  it('reads REST kline rows as JSON and reports the same as the CSV of the same bars', async () => {
    const rows = bars.map((b) => [b.openTime, String(b.open), String(b.high), String(b.low), String(b.close), String(b.volume), b.openTime + HOUR - 1]);
    const json = writeFixture(dir, 'walk-1h.json', JSON.stringify(rows));
    const fromJson = await runCli(['levels', '--klines', json, '--json']);
    const fromCsv = await runCli(['levels', '--klines', file, '--json']);
    expect(fromJson.stderr).toBe('');
    expect(fromJson.status).toBe(0);
    expect(fromJson.stdout).toBe(fromCsv.stdout);
  });
});
