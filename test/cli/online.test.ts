import { afterEach, describe, expect, it } from 'vitest';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { FakeBinance } from '../binance/fake-binance-http';
import { FakeStream } from '../binance/live-fake-stream';
import { spawnBuiltCli } from './built-cli';
import { runCli } from './cli-helpers';

const MINUTE = 60_000;
const HISTORY = 200;

/** 1m bars ending a few minutes before now, so REST look-backs from the wall clock include them all. */
function recentBars(count: number) {
  const start = Math.floor(Date.now() / MINUTE) * MINUTE - (count + 5) * MINUTE;
  return syntheticKlines(count, { start, intervalMs: MINUTE, price: 2500, volatility: 0.002 });
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('CLI online modes against a local Binance stand-in', () => {
  it('levels --symbol fetches the lookback through --rest-url and prints the report', async () => {
    const rest = await FakeBinance.start();
    cleanups.push(() => rest.close());
    const bars = recentBars(HISTORY);
    rest.setKlines('ETHUSDT', '1m', bars);
    const result = await runCli(['levels', '--symbol', 'ETHUSDT', '--interval', '1m', '--lookback', '6h', '--rest-url', rest.url, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.price).toBe(bars[HISTORY - 1].close);
    expect(report.time).toBe(bars[HISTORY - 1].openTime);
    expect(rest.requestsTo('/fapi/v1/klines').length).toBeGreaterThan(0);
  });

  it('levels --symbol names the Binance error code and message and exits 1', async () => {
    const rest = await FakeBinance.start();
    cleanups.push(() => rest.close());
    rest.fault({ path: '/fapi/v1/klines', status: 400, body: '{"code":-1121,"msg":"Invalid symbol."}' });
    const result = await runCli(['levels', '--symbol', 'NOPEUSDT', '--interval', '1h', '--rest-url', rest.url]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/-1121.*Invalid symbol/);
  });

  it('watch prints one JSON report per update, keeps going across a dropped socket and resyncs missed bars', async () => {
    const bars = recentBars(HISTORY + 12);
    const rest = await FakeBinance.start();
    const stream = await FakeStream.start({ symbol: 'ETHUSDT', interval: '1m', bars });
    cleanups.push(() => rest.close(), () => stream.close());
    rest.setKlines('ETHUSDT', '1m', bars.slice(0, HISTORY));
    stream.advanceTo(HISTORY - 1, 3, false);

    const run = spawnBuiltCli(['watch', '--symbol', 'ETHUSDT', '--interval', '1m', '--lookback', '6h', '--rest-url', rest.url, '--ws-url', stream.baseUrl]);
    cleanups.push(() => run.child.kill());
    await until(() => stream.clients === 1 && run.lines.length >= 1, 'the first report and a connection');
    const first = JSON.parse(run.lines[0]);
    expect(first.time).toBe(bars[HISTORY - 1].openTime);
    expect(stream.urls[0]).toBe('/market/stream?streams=ethusdt@kline_1m/ethusdt@markPrice@1s');

    const before = run.lines.length;
    stream.advance(8);
    await until(() => run.lines.length >= before + 8, 'a line per tick');
    const live = JSON.parse(run.lines[run.lines.length - 1]);
    expect(live.time).toBe(bars[HISTORY + 1].openTime);
    expect(live.price).toBe(bars[HISTORY + 1].close);
    for (const key of ['price', 'above', 'below', 'nearestAbove', 'nearestBelow', 'bias', 'swept']) expect(live).toHaveProperty(key);
    expect(live).not.toHaveProperty('alerts');

    // The connection drops while three more bars pass; REST knows them, the socket never sent them.
    stream.drop();
    stream.advance(4 * 3, false);
    rest.setKlines('ETHUSDT', '1m', bars.slice(0, HISTORY + 5));
    await until(() => /reconnecting/.test(run.stderr()), 'a reconnect log line');
    await until(() => JSON.parse(run.lines[run.lines.length - 1]).time === bars[HISTORY + 4].openTime, 'the resynced bars');
    const times = run.lines.map((l) => JSON.parse(l).time as number);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);
    for (const i of [HISTORY + 2, HISTORY + 3]) expect(times).toContain(bars[i].openTime);
  });

  it('watch --alert-pct adds an alerts array to every line, with alerts as the price walks down onto the levels below', async () => {
    const history = recentBars(HISTORY);
    // After the history, price walks down 0.25 % a bar for 12 bars (about -3 %): through the long levels below.
    const walk = [...history];
    for (let i = 0; i < 12; i++) {
      const prev = walk[walk.length - 1];
      const open = prev.close;
      const close = open * 0.9975;
      walk.push({ ...prev, openTime: prev.openTime + MINUTE, closeTime: prev.openTime + 2 * MINUTE - 1, open, close, high: open * 1.0003, low: close * 0.9997 });
    }
    const rest = await FakeBinance.start();
    const stream = await FakeStream.start({ symbol: 'ETHUSDT', interval: '1m', bars: walk });
    cleanups.push(() => rest.close(), () => stream.close());
    rest.setKlines('ETHUSDT', '1m', history);
    stream.advanceTo(HISTORY - 1, 3, false);

    const args = ['watch', '--symbol', 'ETHUSDT', '--interval', '1m', '--lookback', '6h', '--rest-url', rest.url, '--ws-url', stream.baseUrl];
    const run = spawnBuiltCli([...args, '--alert-pct', '1']);
    cleanups.push(() => run.child.kill());
    await until(() => stream.clients === 1 && run.lines.length >= 1, 'the first report and a connection', 4000);
    const ticks = 12 * stream.ticksPerBar;
    stream.advance(ticks);
    await until(() => run.lines.length >= 1 + ticks, 'a line per tick', 4000);

    const reports = run.lines.map((l) => JSON.parse(l));
    for (const report of reports) expect(Array.isArray(report.alerts)).toBe(true);
    const alerts = reports.slice(1).flatMap((r) => r.alerts);
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) {
      expect(Object.keys(alert).sort()).toEqual(['distancePct', 'price', 'side', 'time', 'type']);
      expect(['approaching', 'swept']).toContain(alert.type);
      expect(['long', 'short']).toContain(alert.side);
      expect(Number.isFinite(alert.price) && Number.isFinite(alert.distancePct)).toBe(true);
    }
    // Walking down onto the long levels: they are approached, then swept.
    const firstApproach = alerts.findIndex((a) => a.type === 'approaching' && a.side === 'long');
    const firstSweep = alerts.findIndex((a) => a.type === 'swept' && a.side === 'long');
    expect(firstApproach).toBeGreaterThanOrEqual(0);
    expect(firstSweep).toBeGreaterThan(firstApproach);
    // Within the 30 min cool-down (the walk lasts 12 min) no level is reported twice with the same type.
    const keys = alerts.map((a) => `${a.type}:${a.side}:${a.price}`);
    expect(new Set(keys.filter((k) => k.startsWith('swept'))).size).toBe(keys.filter((k) => k.startsWith('swept')).length);
  });

  it('watch ends cleanly on SIGINT while the history is still loading: exit 0, no report', async () => {
    const rest = await FakeBinance.start();
    cleanups.push(() => rest.close());
    rest.setKlines('ETHUSDT', '1m', recentBars(HISTORY));
    rest.fault({ path: '/fapi/v1/klines', delayMs: 10_000 });

    const run = spawnBuiltCli(['watch', '--symbol', 'ETHUSDT', '--interval', '1m', '--lookback', '6h', '--rest-url', rest.url]);
    cleanups.push(() => run.child.kill());
    await until(() => rest.requestsTo('/fapi/v1/klines').length === 1, 'the first page request');
    run.child.kill('SIGINT');

    expect(await run.exited).toBe(0);
    expect(run.lines).toEqual([]);
    expect(run.stderr()).toBe('');
  });

  it('watch --alert-pct needs a positive percentage', async () => {
    const result = await runCli(['watch', '--symbol', 'ETHUSDT', '--alert-pct', 'soon']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--alert-pct must be a percentage/);
  });

  it('watch without --symbol is a usage error', async () => {
    const result = await runCli(['watch', '--interval', '1m']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--symbol/);
  });
});
