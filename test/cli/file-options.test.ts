import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { randomWalkBars, tempDir, toCsv, writeFixture } from './cli-helpers';
import { runInProcess } from './in-process-cli';

const dir = tempDir();
const bars = toCsv(randomWalkBars(72, 4));
const named = writeFixture(dir, 'BTCUSDT-PERP_1h_test.csv', bars);
const unnamed = writeFixture(dir, 'klines.csv', bars);

describe('liq-heatmap file commands: --interval and --symbol are checked against the file', () => {
  it('refuses an --interval finer than the file\'s bars instead of reading them as that interval with gaps', async () => {
    const result = await runInProcess(['levels', '--klines', named, '--interval', '15m']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${named}, field openTime: no two bars are 15m apart (--interval 15m): the closest are 1h apart`);
  });

  it('takes an --interval that matches the file', async () => {
    const result = await runInProcess(['levels', '--klines', named, '--interval', '1h', '--json']);
    expect(result.status).toBe(0);
  });

  it('takes the symbol from the file name when --symbol is absent, for its maintenance margin rate', async () => {
    const inferred = await runInProcess(['levels', '--klines', named, '--json']);
    const given = await runInProcess(['levels', '--klines', unnamed, '--symbol', 'BTCUSDT', '--json']);
    expect(JSON.parse(inferred.stdout).mmrNote).toBe("0.40% (BTCUSDT's tier-1 rate)");
    expect(JSON.parse(inferred.stdout).nearestBelow).toEqual(JSON.parse(given.stdout).nearestBelow);
  });

  it('invariance takes the symbol from the file name as first-touch and evaluate do', async () => {
    const inferred = await runInProcess(['invariance', '--klines', named, '--views', '1d', '--cuts', '4', '--intervals', '1h,2h', '--json']);
    const given = await runInProcess(['invariance', '--klines', unnamed, '--symbol', 'BTCUSDT', '--views', '1d', '--cuts', '4', '--intervals', '1h,2h', '--json']);
    const common = await runInProcess(['invariance', '--klines', unnamed, '--views', '1d', '--cuts', '4', '--intervals', '1h,2h', '--json']);
    expect(inferred.status).toBe(0);
    expect(JSON.parse(inferred.stdout)).toMatchObject({ symbol: 'BTCUSDT', mmr: 0.004 });
    expect(JSON.parse(common.stdout)).toMatchObject({ symbol: null, mmr: 0.005 });
    expect(JSON.parse(inferred.stdout).intervals).toEqual(JSON.parse(given.stdout).intervals);
  });

  it('refuses a --symbol that is not a Binance symbol, as the online commands do', async () => {
    const result = await runInProcess(['levels', '--klines', unnamed, '--symbol', 'bad sym!']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--symbol: invalid Binance symbol "BAD SYM!"');
  });

  it('refuses a --symbol other than the one the file name says', async () => {
    const result = await runInProcess(['density', '--klines', named, '--symbol', 'ETHUSDT']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--symbol ETHUSDT, but BTCUSDT-PERP_1h_test.csv holds BTCUSDT klines');
  });
});

describe('liq-heatmap command line: what an option without a value means', () => {
  it('calls an unknown option given last unknown, not short of a value', async () => {
    const result = await runInProcess(['levels', '--klines', named, '--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option --bogus for 'levels'");
  });

  it('says a known option given last needs a value', async () => {
    const result = await runInProcess(['levels', '--klines', named, '--top']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('option --top needs a value');
  });

  it('prints the package version for --version', async () => {
    const result = await runInProcess(['--version']);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });

  it('watch without --symbol does not suggest --klines, which it does not take', async () => {
    const result = await runInProcess(['watch']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('liq-heatmap: --symbol S is required\n');
  });
});
