import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LevelsReport } from '../../src/levels/level';
import { must } from '../helpers/must';
import { expectLevelsOnTheirSides, HOUR, lazy, LEVEL_FIELDS, REPORT_FIELDS, runCli, runJson } from './cli-helpers';
import type { DensityJson } from './cli-json';

const KLINES = fileURLToPath(new URL('../../../shared/data/binance/klines/', import.meta.url));
const ETH = join(KLINES, 'ETHUSDT-PERP_1h_tjf_2020-2026.csv');
const BTC = join(KLINES, 'BTCUSDT-PERP_1h_lazzmatazz_2025-01-22_2025-01-30.csv');
const present = existsSync(ETH) && existsSync(BTC);
if (!present) console.warn(`real-data CLI tests skipped: ${KLINES} (../shared, a sibling checkout) or its ETH/BTC 1h perp files are absent`);

/** The close of the bar opening at `openTime`, read straight from the CSV (open_time is column 0, close column 4). */
function closeAt(path: string, openTime: number): number {
  const line = readFileSync(path, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${openTime},`));
  if (line === undefined) throw new Error(`${path} has no bar opening at ${openTime}`);
  return Number(line.split(',')[4]);
}

const AT = '2025-01-27T00:00:00Z';
/** The last 1h bar closed at AT opened an hour before it. */
const LAST_OPEN = Date.parse(AT) - HOUR;

for (const [name, path] of [
  ['ETHUSDT-PERP_1h_tjf_2020-2026.csv', ETH],
  ['BTCUSDT-PERP_1h_lazzmatazz_2025-01-22_2025-01-30.csv (with taker volumes)', BTC],
] as const) {
  describe.skipIf(!present)(`liq-heatmap levels --klines ${name} --at ${AT} --json`, () => {
    const getReport = lazy(() => runJson<LevelsReport>(['levels', '--klines', path, '--at', AT, '--json']));

    it('runs and prints the report fields', async () => {
      const report = await getReport();
      expect(Object.keys(report).sort()).toEqual([...REPORT_FIELDS].sort());
      for (const level of [...report.above, ...report.below]) expect(Object.keys(level).sort()).toEqual([...LEVEL_FIELDS].sort());
    });

    it('describes the last bar closed at --at: 2025-01-26T23:00Z and its close', async () => {
      const report = await getReport();
      expect(report.time).toBe(LAST_OPEN);
      expect(report.price).toBe(closeAt(path, LAST_OPEN));
    });

    it('finds levels on both sides of price', async () => {
      const report = await getReport();
      expect(report.above.length).toBeGreaterThan(0);
      expect(report.below.length).toBeGreaterThan(0);
      expect(report.nearestAbove).not.toBeNull();
      expect(report.nearestBelow).not.toBeNull();
    });

    it('puts levels above price with side short and below price with side long', async () => {
      expectLevelsOnTheirSides(await getReport());
    });

    it('gives finite, non-negative sizes and strengths in 0..1', async () => {
      const report = await getReport();
      for (const level of [...report.above, ...report.below]) {
        expect(Number.isFinite(level.notional) && level.notional > 0).toBe(true);
        expect(level.strength).toBeGreaterThanOrEqual(0);
        expect(level.strength).toBeLessThanOrEqual(1);
        expect(level.firstSeen).toBeLessThanOrEqual(report.time);
      }
      expect(Number.isFinite(report.totals.above) && report.totals.above >= 0).toBe(true);
      expect(Number.isFinite(report.totals.below) && report.totals.below >= 0).toBe(true);
    });
  });

  describe.skipIf(!present)(`liq-heatmap density --klines ${name} --at ${AT} --json`, () => {
    it('prints ascending, finite, non-negative rows around the close of the last closed bar', async () => {
      const column = await runJson<DensityJson>(['density', '--klines', path, '--at', AT, '--json']);
      expect(column.time).toBe(LAST_OPEN);
      expect(column.price).toBe(closeAt(path, LAST_OPEN));
      const rows: { price: number; long: number; short: number }[] = column.rows;
      expect(rows.length).toBeGreaterThan(0);
      for (let i = 0; i < rows.length; i++) {
        for (const v of [rows[i].price, rows[i].long, rows[i].short]) expect(Number.isFinite(v) && v >= 0).toBe(true);
        if (i > 0) expect(rows[i].price).toBeGreaterThan(rows[i - 1].price);
      }
      expect(rows[0].price).toBeLessThan(column.price);
      expect(must(rows.at(-1), 'a top row').price).toBeGreaterThan(column.price);
    });
  });
}

describe.skipIf(!present)('liq-heatmap levels on the real ETHUSDT file, text output', () => {
  it('prints a readable table for --at in epoch ms identical to the ISO form', async () => {
    const iso = await runCli(['levels', '--klines', ETH, '--at', AT]);
    const epoch = await runCli(['levels', '--klines', ETH, '--at', String(Date.parse(AT))]);
    expect(iso.status).toBe(0);
    expect(iso.stdout).toMatch(/estimat/i);
    expect(epoch.stdout).toBe(iso.stdout);
  });
});

describe.skipIf(!present)('row height at price on a 6-year file', () => {
  it('rows near price are 0.1 % of price apart, not a share of six years of range (was 10.7 at 1,740, 0.6 %)', async () => {
    const column = await runJson<DensityJson>(['density', '--klines', ETH, '--at', '1746021614097', '--json']);
    const near = column.rows.filter((r) => Math.abs(r.price / column.price - 1) < 0.02);
    expect(near.length).toBeGreaterThan(30);
    for (let k = 1; k < near.length; k++) expect(near[k].price / near[k - 1].price - 1).toBeCloseTo(0.001, 6);
  });
});
