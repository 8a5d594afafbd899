import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFile } from '../helpers/shared-data';
import { startDemo } from './start-demo';

const RECORDINGS = sharedFile('klines', 'the replay endpoint test (the server replays recordings only)');

describe('demo server', () => {
  let url = '';
  let child: ChildProcess;
  beforeAll(async () => {
    ({ url, child } = await startDemo());
  });
  afterAll(() => child?.kill());

  it('serves the page under a strict Content-Security-Policy', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('data-testid="chart"');
    const csp = response.headers.get('content-security-policy') ?? '';
    const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scripts.trim()).toBe("'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it.skipIf(!RECORDINGS.present)('serves the replay series as Binance REST rows, per symbol and interval', async () => {
    const body = await (await fetch(`${url}api/replay`)).json();
    expect(body.rows.length).toBeGreaterThan(100);
    expect(body.rows[0]).toHaveLength(12);
    const eth = await (await fetch(`${url}api/replay?symbol=ETHUSDT&interval=15m`)).json();
    expect(eth.intervalMs).toBe(900_000);
    expect(eth.label).toMatch(/ETHUSDT/);
    expect((await fetch(`${url}api/replay?symbol=../x&interval=1h`)).status).toBe(400);
  });

  it.skipIf(!RECORDINGS.present)('with bars=N serves only the latest N bars, and the label gives their span', async () => {
    const all = await (await fetch(`${url}api/replay?symbol=BTCUSDT&interval=5m`)).json();
    const last = await (await fetch(`${url}api/replay?symbol=BTCUSDT&interval=5m&bars=12`)).json();
    expect(last.rows).toEqual(all.rows.slice(-12));
    expect(last.label).toBe(all.label.replace(/\d{4}-\d\d-\d\d \d\d:\d\d – /, '2023-05-02 23:00 – '));
    expect(await (await fetch(`${url}api/replay?symbol=BTCUSDT&interval=5m&bars=99999`)).json()).toEqual(all);
  });

  it('refuses a bars count that is not a whole number from 1 up, naming it', async () => {
    for (const bars of ['0', '-5', '1.5', 'x', '99999999']) {
      const response = await fetch(`${url}api/replay?symbol=BTCUSDT&interval=1h&bars=${bars}`);
      expect(response.status).toBe(400);
      expect((await response.json()).msg).toMatch(/invalid bars/);
    }
  });

  it('answers 404 naming the symbol and interval when nothing of them is recorded, never generated bars', async () => {
    const response = await fetch(`${url}api/replay?symbol=SOLUSDT&interval=5m`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'no-recording', msg: 'no recorded data for SOLUSDT 5m offline' });
  });

  it('serves generated bars only when synthetic=1 asks, labelled as not market data', async () => {
    const body = await (await fetch(`${url}api/replay?symbol=SOLUSDT&interval=5m&synthetic=1`)).json();
    expect(body.synthetic).toBe(true);
    expect(body.label).toMatch(/SYNTHETIC SOLUSDT 5m.*not market data/);
  });

  it('takes the symbol and interval of a --replay file from its name and bars', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liq-demo-'));
    const file = join(dir, 'ETHUSDT-PERP_15m_mine.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `${Date.UTC(2025, 0, 1) + i * 900_000},100,101,99,100.5,10`);
    writeFileSync(file, `open_time,open,high,low,close,volume\n${rows.join('\n')}\n`);
    const other = await startDemo(['--replay', file]);
    try {
      expect(await (await fetch(`${other.url}api/config`)).json()).toMatchObject({ replaySymbol: 'ETHUSDT', replayInterval: '15m' });
      const body = await (await fetch(`${other.url}api/replay?symbol=BTCUSDT&interval=1h`)).json();
      expect(body).toMatchObject({ symbol: 'ETHUSDT', interval: '15m', file: 'ETHUSDT-PERP_15m_mine.csv' });
    } finally {
      other.child.kill();
    }
  });

  it('tells the page to try Binance live by default, on Binance\'s websocket, which is the one foreign origin the CSP allows', async () => {
    expect(await (await fetch(`${url}api/config`)).json()).toMatchObject({ mode: 'live', wsBaseUrl: 'wss://fstream.binance.com' });
    const csp = (await fetch(url)).headers.get('content-security-policy') ?? '';
    expect(/connect-src ([^;]*)/.exec(csp)?.[1].trim()).toBe("'self' wss://fstream.binance.com");
  });

  it('serves the bundles and the standalone lightweight-charts build', async () => {
    expect((await fetch(`${url}dist/index.umd.js`)).status).toBe(200);
    expect((await fetch(`${url}vendor/lightweight-charts.standalone.production.js`)).status).toBe(200);
  });

  it('serves nothing outside its folders', async () => {
    for (const path of ['demo/..%2f..%2fpackage.json', 'dist/../package.json', 'package.json', 'vendor/..%2f..%2f..%2fpackage.json', 'demo/server.mjs']) {
      expect((await fetch(`${url}${path}`)).status).toBe(404);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('demo server --replay', () => {
  it('serves a given CSV file instead of the default recording, naming only its basename to the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liq-demo-'));
    const file = join(dir, 'tiny.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `${Date.UTC(2025, 0, 1) + i * 3_600_000},100,101,99,100.5,10`);
    writeFileSync(file, `open_time,open,high,low,close,volume\n${rows.join('\n')}\n`);
    const { url, child } = await startDemo(['--replay', file]);
    try {
      const body = await (await fetch(`${url}api/replay`)).json();
      expect(body.rows).toHaveLength(30);
      expect(body.label).toBe('replay of tiny.csv, 2025-01-01 00:00 – 2025-01-02 05:00 UTC');
      expect(await (await fetch(`${url}api/config`)).json()).toMatchObject({ mode: 'replay', replayLabel: body.label, replayInterval: '1h' });
    } finally {
      child.kill();
    }
  });

  it('BINANCE_WS_URL moves the websocket, and the CSP with it', async () => {
    const other = await startDemo([], { BINANCE_WS_URL: 'ws://127.0.0.1:9/' });
    try {
      expect(await (await fetch(`${other.url}api/config`)).json()).toMatchObject({ wsBaseUrl: 'ws://127.0.0.1:9' });
      const csp = (await fetch(other.url)).headers.get('content-security-policy') ?? '';
      expect(/connect-src ([^;]*)/.exec(csp)?.[1].trim()).toBe("'self' ws://127.0.0.1:9");
    } finally {
      other.child.kill();
    }
  });

  it('exits with a clear error for a BINANCE_WS_URL that is not ws:// or wss://', async () => {
    await expect(startDemo([], { BINANCE_WS_URL: 'https://example.com' })).rejects.toThrow(/BINANCE_WS_URL must be a ws:\/\/ or wss:\/\/ URL \(got "https:\/\/example.com"\)/);
  });

  it('exits with a clear error naming the file and row for a bad replay file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liq-demo-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'open_time,open,high,low,close,volume\n1735689600000,100,abc,99,100,1\n');
    await expect(startDemo(['--replay', file])).rejects.toThrow(/bad\.csv, row 2, field high/);
  });
});

describe('demo server on a busy port', () => {
  it('says in one line which port is taken and how to pick another', async () => {
    const { createServer } = await import('node:net');
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const error = await startDemo([], { PORT: String(port) }).then(
        () => null,
        (e: Error) => e.message,
      );
      const lines = (error ?? '').replace(/^demo server exited with 1: /, '').trim().split('\n');
      expect(lines).toEqual([`demo: port ${port} on 127.0.0.1 is already in use; start with PORT=<another port> (e.g. PORT=${port + 1} npm start)`]);
    } finally {
      holder.close();
    }
  });
});

describe('demo server started with --replay and no file', () => {
  it('refuses to start, saying --replay needs a file, instead of going live', async () => {
    const error = await startDemo(['--replay']).then(
      (started) => {
        started.child.kill();
        return null;
      },
      (e: Error) => e.message,
    );
    expect(error).toMatch(/^demo server exited with 1: demo: --replay needs a FILE/);
  });
});
