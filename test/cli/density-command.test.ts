import { describe, expect, it } from 'vitest';
import { must } from '../helpers/must';
import { HOUR, lazy, randomWalkBars, runCli, runJson, T0, tempDir, toCsv, writeFixture } from './cli-helpers';
import type { DensityJson } from './cli-json';

const dir = tempDir();
const bars = randomWalkBars(300, 23);
const file = writeFixture(dir, 'walk-1h.csv', toCsv(bars));
const last = bars[bars.length - 1];

describe('liq-heatmap density --klines FILE --json', () => {
  const getColumn = lazy(() => runJson<DensityJson>(['density', '--klines', file, '--json']));

  it('prints {time, price, rows} and nothing else', async () => {
    const column = await getColumn();
    expect(Object.keys(column).sort()).toEqual(['price', 'rows', 'time']);
    expect(column.rows.length).toBeGreaterThan(0);
  });

  it('gives each row exactly price, long and short', async () => {
    for (const row of (await getColumn()).rows) expect(Object.keys(row).sort()).toEqual(['long', 'price', 'short']);
  });

  it('lists rows in ascending price', async () => {
    const prices = (await getColumn()).rows.map((r) => r.price);
    for (let i = 1; i < prices.length; i++) expect(prices[i]).toBeGreaterThan(prices[i - 1]);
  });

  it('has only finite values, none negative', async () => {
    for (const row of (await getColumn()).rows) {
      for (const value of [row.price, row.long, row.short]) {
        expect(typeof value).toBe('number');
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('has some liquidation density on each side', async () => {
    const rows = (await getColumn()).rows;
    expect(rows.some((r) => r.long > 0)).toBe(true);
    expect(rows.some((r) => r.short > 0)).toBe(true);
  });

  it('gives price equal to the last closed bar’s close and time equal to its open time', async () => {
    const column = await getColumn();
    expect(column.price).toBe(last.close);
    expect(column.time).toBe(last.openTime);
  });

  it('spans the current price with its rows', async () => {
    const column = await getColumn();
    expect(column.rows[0].price).toBeLessThan(column.price);
    expect(must(column.rows.at(-1), 'a top row').price).toBeGreaterThan(column.price);
  });
});

describe('liq-heatmap density --at TIME', () => {
  it('gives price equal to the close of the last bar closed at TIME, leaving out the bar still open', async () => {
    // Bar 150 opened at T0 + 150 h and is still open at T0 + 150.5 h; bar 149 is the last closed.
    const column = await runJson<DensityJson>(['density', '--klines', file, '--at', String(T0 + 150 * HOUR + HOUR / 2), '--json']);
    expect(column.time).toBe(T0 + 149 * HOUR);
    expect(column.price).toBe(bars[149].close);
  });

  it('gives identical output for the ISO and epoch forms of TIME', async () => {
    const epoch = await runCli(['density', '--klines', file, '--at', String(T0 + 150 * HOUR + HOUR / 2), '--json']);
    const iso = await runCli(['density', '--klines', file, '--at', '2024-01-07T06:30:00Z', '--json']);
    expect(epoch.status).toBe(0);
    expect(iso.stdout).toBe(epoch.stdout);
  });

  it('gives the same column as the file cut after the last bar closed at TIME', async () => {
    const cut = writeFixture(dir, 'cut-150.csv', toCsv(bars.slice(0, 150)));
    const viaAt = await runCli(['density', '--klines', file, '--at', String(T0 + 150 * HOUR + HOUR / 2), '--json']);
    const viaCut = await runCli(['density', '--klines', cut, '--json']);
    expect(viaAt.status).toBe(0);
    expect(viaAt.stdout).toBe(viaCut.stdout);
  });
});

describe('liq-heatmap density --rows N', () => {
  it('prints at most N rows: a wider range gets coarser rows', async () => {
    const fine = await runJson<DensityJson>(['density', '--klines', file, '--json']);
    const capped = await runJson<DensityJson>(['density', '--klines', file, '--rows', '64', '--json']);
    expect(fine.rows.length).toBeGreaterThan(64);
    expect(capped.rows.length).toBeLessThanOrEqual(64);
    expect(capped.rows.length).toBeGreaterThan(32);
  });
});
