import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { must } from '../helpers/must';
import { SHARED_BINANCE } from '../helpers/shared-data';
import { HOUR, lazy, randomWalkBars, runCli, runJson, T0, tempDir, toCsv, writeFixture } from './cli-helpers';
import type { CrossValidationJson, EvaluateJson } from './cli-json';

const LIQ_HEADER = 'time,symbol,side,order_type,price,average_price,original_quantity,filled_quantity,usd_size_recorded,source';

/** An hourly ETHUSDT file of 40 days in a directory with a README, and orders near price on three days. */
function fixtures() {
  const dir = tempDir();
  const bars = randomWalkBars(24 * 40);
  const klinesDir = join(dir, 'klines');
  writeFixture(dir, 'klines-readme.md', 'not klines');
  mkdirSync(klinesDir);
  writeFixture(klinesDir, 'ETHUSDT-PERP_1h_test.csv', toCsv(bars));
  writeFixture(klinesDir, 'SOURCES.md', 'provenance');
  const rows: string[] = [];
  for (const day of [30, 33, 36]) {
    const i = day * 24 + 5;
    const t = T0 + i * HOUR + 10 * 60_000;
    rows.push(`${t},ETHUSDT,SELL,LIMIT,,${bars[i].low},1,1,${100 * day},src`);
    rows.push(`${t + 60_000},ETHUSDT,BUY,LIMIT,${bars[i].high},,1,1,,src`);
  }
  const liquidations = writeFixture(dir, 'orders.csv', [LIQ_HEADER, ...rows].join('\n') + '\n');
  return { klinesDir, liquidations, dir };
}

describe('liq-heatmap evaluate', () => {
  const f = lazy(fixtures);

  it('reads a klines directory and prints the heatmap lift beside the prior per side and pooled, by USD and by count, with intervals', async () => {
    const { klinesDir, liquidations } = f();
    const result = await runCli(['evaluate', '--klines', klinesDir, '--liquidations', liquidations]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/near-price prior/);
    for (const label of ['long', 'short', 'pooled']) expect(result.stdout).toMatch(new RegExp(`^${label} +\\d+ +\\d+ .*\\[`, 'm'));
    expect(result.stdout).toMatch(/by count/);
    expect(result.stdout).toMatch(/^ETHUSDT +3 /m);
    expect(result.stdout).toMatch(/Pooled by USD the heatmap (beats|loses to|scores above|scores below|ties with) the near-price prior/);
  });

  it('--json gives the summary with intervals and every window with the file it was scored on', async () => {
    const { klinesDir, liquidations } = f();
    const out = await runJson<EvaluateJson>(['evaluate', '--klines', klinesDir, '--liquidations', liquidations, '--json']);
    expect(out.summary.pooled.windows).toBe(3);
    expect(Object.keys(out.summary.pooled.usd.heatmapLift).sort()).toEqual(['high', 'low', 'value']);
    expect(typeof out.summary.pooled.count.priorLift.value).toBe('number');
    expect(out.windows.map((w) => w.klines)).toEqual(Array(3).fill('ETHUSDT-PERP_1h_test.csv'));
    expect(out.bootstrap).toEqual({ resamples: 2000, seed: 13, confidence: 0.9 });
  });

  it("models each symbol's windows with that symbol's tier-1 maintenance margin rate and says so", async () => {
    const { klinesDir, liquidations } = f();
    const text = await runCli(['evaluate', '--klines', klinesDir, '--liquidations', liquidations]);
    expect(text.stdout).toMatch(/maintenance margin rate.*: 0\.50 % ETHUSDT\.$/m);
    const out = await runJson<EvaluateJson>(['evaluate', '--klines', klinesDir, '--liquidations', liquidations, '--json']);
    expect(out.mmr).toEqual({ ETHUSDT: 0.005 });
  });

  it('scores an order without average_price at a fill estimated from its limit price, and says how', async () => {
    const { klinesDir, liquidations } = f();
    const text = (await runCli(['evaluate', '--klines', klinesDir, '--liquidations', liquidations])).stdout;
    expect(text).toMatch(/^3 orders have no average_price, only their limit price .*: ETHUSDT 0\.50 % \(its maintenance rate, no orders with both\)\./m);
    const out = await runJson<EvaluateJson>(['evaluate', '--klines', klinesDir, '--liquidations', liquidations, '--json']);
    expect(out.missingFill).toEqual({ mode: 'estimate', missing: 3, withBoth: 0, offsets: [{ symbol: 'ETHUSDT', offset: 0.005, from: 'mmr', orders: 0, estimated: 3 }] });
  });

  it('--missing-fill limit scores them at the limit price and says so; another value exits 2', async () => {
    const { klinesDir, liquidations } = f();
    const base = ['evaluate', '--klines', klinesDir, '--liquidations', liquidations];
    expect((await runCli([...base, '--missing-fill', 'limit'])).stdout).toMatch(/^3 orders have no average_price, .*: they are scored at the limit \(--missing-fill limit\)\.$/m);
    const out = await runJson<EvaluateJson>([...base, '--missing-fill', 'limit', '--json']);
    expect(out.missingFill).toMatchObject({ mode: 'limit', missing: 3 });
    const bad = await runCli([...base, '--missing-fill', 'fill']);
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringMatching(/--missing-fill takes 'estimate' or 'limit', got 'fill'/)]);
  });

  it('--cv day --grid scores each day with the setting chosen on the others and says which', async () => {
    const { klinesDir, liquidations } = f();
    const out = await runJson<CrossValidationJson>(['evaluate', '--klines', klinesDir, '--liquidations', liquidations, '--cv', 'day', '--grid', 'model.sweep=full,body', '--grid', 'levels.zoneFloor=0.6,0.8', '--json']);
    expect(out.settings).toHaveLength(4);
    expect(out.folds.map((fold: { day: string }) => fold.day)).toEqual(['2024-01-31', '2024-02-03', '2024-02-06']);
    for (const fold of out.folds) expect(fold.label).toMatch(/^model\.sweep=(full|body) levels\.zoneFloor=0\.[68]$/);
    expect(out.summary.pooled.windows).toBe(3);
    const text = (await runCli(['evaluate', '--klines', klinesDir, '--liquidations', liquidations, '--cv', 'day', '--grid', 'model.sweep=full,body'])).stdout;
    expect(text).toMatch(/Every figure below is held-out/);
  });

  it('--select jitter has each fold choose by the median lift under jitter, and says so', async () => {
    const { klinesDir, liquidations } = f();
    const args = ['evaluate', '--klines', klinesDir, '--liquidations', liquidations, '--cv', 'day', '--grid', 'model.sweep=full,body', '--select', 'jitter'];
    const out = await runJson<CrossValidationJson & { selection: unknown }>([...args, '--json']);
    expect(out.selection).toEqual({ by: 'jitter', jitter: { amplitude: 0.001, draws: 40 } });
    expect(out.folds).toHaveLength(3);
    expect((await runCli(args)).stdout).toMatch(/the highest median pooled heatmap lift \(USD\) over 40 draws with every row's density jittered within ±0\.1 %/);
  });

  it('bad --select exits 2 naming the problem: without --cv, an unknown rule, jitter turned off', async () => {
    const { klinesDir, liquidations } = f();
    const base = ['evaluate', '--klines', klinesDir, '--liquidations', liquidations];
    const noCv = await runCli([...base, '--select', 'jitter']);
    expect([noCv.status, noCv.stderr]).toEqual([2, expect.stringMatching(/--select needs --cv day/)]);
    const unknown = await runCli([...base, '--cv', 'day', '--select', 'best']);
    expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringMatching(/--select takes 'lift' or 'jitter', got 'best'/)]);
    const off = await runCli([...base, '--cv', 'day', '--select', 'jitter', '--jitter', '0']);
    expect([off.status, off.stderr]).toEqual([2, expect.stringMatching(/--select jitter needs a jitter above 0/)]);
  });

  it('bad usage exits 2: --grid without --cv, an unknown grid option, --cv other than day', async () => {
    const { klinesDir, liquidations } = f();
    expect((await runCli(['evaluate', '--klines', klinesDir, '--liquidations', liquidations, '--grid', 'model.sweep=full'])).status).toBe(2);
    const unknown = await runCli(['evaluate', '--klines', klinesDir, '--liquidations', liquidations, '--cv', 'day', '--grid', 'model.speed=1']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option model\.speed/);
    expect((await runCli(['evaluate', '--klines', klinesDir, '--liquidations', liquidations, '--cv', 'week'])).status).toBe(2);
  });

  it('--symbol names the symbol of a file whose name says none and leaves out files of other symbols', async () => {
    const { liquidations, dir } = f();
    const bars = randomWalkBars(24 * 40);
    const unnamed = writeFixture(dir, 'klines.csv', toCsv(bars));
    const other = writeFixture(dir, 'BTCUSDT-PERP_1h_other.csv', toCsv(bars));
    const out = await runJson<EvaluateJson>(['evaluate', '--klines', `${unnamed},${other}`, '--liquidations', liquidations, '--symbol', 'ETHUSDT', '--json']);
    expect(out.windows.map((w) => w.klines)).toEqual(Array(3).fill('klines.csv'));
  });

  it('a bad order row exits 1 naming the file, row and field', async () => {
    const { klinesDir, dir } = f();
    const bad = writeFixture(dir, 'bad.csv', `${LIQ_HEADER}\n${T0},ETHUSDT,SELL,LIMIT,,,1,1,1,src\n`);
    const result = await runCli(['evaluate', '--klines', klinesDir, '--liquidations', bad]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bad\.csv, row 2, field price: empty/);
  });
});

const KLINES = join(SHARED_BINANCE, 'klines');
const MULTI = join(SHARED_BINANCE, 'liquidations', 'forceOrder_multi_dev.csv');
const present = existsSync(MULTI) && existsSync(KLINES);
if (!present) console.warn(`evaluate on the whole dev corpus skipped: ${MULTI} is absent (real data lives in ../shared beside the project)`);

describe.skipIf(!present)('liq-heatmap evaluate on the whole development corpus (12 symbols, 1h perp files)', () => {
  it('scores windows of all 12 symbols, with intervals and the prior beside', async () => {
    const files = readdirSync(KLINES)
      .filter((n) => /-PERP_1h_.*\.csv$/.test(n))
      .map((n) => join(KLINES, n));
    const out = await runJson<EvaluateJson>(['evaluate', '--klines', files.join(','), '--liquidations', MULTI, '--json']);
    expect(Object.keys(out.summary.bySymbol)).toHaveLength(12);
    expect(out.summary.pooled.orders).toBeGreaterThan(700);
    for (const group of [out.summary.long, out.summary.short, out.summary.pooled]) {
      const lift = must(group.usd.heatmapLift.value, 'a USD heatmap lift');
      expect(group.usd.heatmapLift.low).toBeLessThanOrEqual(lift);
      expect(group.usd.heatmapLift.high).toBeGreaterThanOrEqual(lift);
      expect(Number.isFinite(group.usd.priorLift.value)).toBe(true);
      expect(Number.isFinite(group.count.priorLift.value)).toBe(true);
    }
  });
});
