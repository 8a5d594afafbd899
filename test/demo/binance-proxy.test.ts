import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './start-demo';

/** A stand-in for fapi.binance.com on loopback that records what reached it. */
function fakeUpstream(): Promise<{ server: Server; url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url?.includes('symbol=NOPE')) {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"code":-1121,"msg":"Invalid symbol."}');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-MBX-USED-WEIGHT-1M': '7' }).end('[[1735689600000,"1","2","0.5","1.5","10",1735693199999,"15",3,"5","7","0"]]');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })));
}

describe('demo server Binance pass-through (allow-listed, not an open proxy)', () => {
  let demo: { url: string; child: ChildProcess };
  let upstream: Awaited<ReturnType<typeof fakeUpstream>>;
  beforeAll(async () => {
    upstream = await fakeUpstream();
    demo = await startDemo([], { BINANCE_REST_URL: upstream.url });
  });
  afterAll(() => {
    demo?.child.kill();
    upstream?.server.close();
  });

  it('relays an allowed market-data request with its weight header', async () => {
    const response = await fetch(`${demo.url}api/binance/fapi/v1/klines?symbol=BTCUSDT&interval=1h&limit=2`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-mbx-used-weight-1m')).toBe('7');
    expect((await response.json())[0][0]).toBe(1735689600000);
    expect(upstream.seen.at(-1)).toBe('/fapi/v1/klines?symbol=BTCUSDT&interval=1h&limit=2');
  });

  it('relays Binance error bodies with their status', async () => {
    const response = await fetch(`${demo.url}api/binance/fapi/v1/klines?symbol=NOPE&interval=1h`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: -1121, msg: 'Invalid symbol.' });
  });

  it('refuses paths outside the allow-list without contacting Binance', async () => {
    const before = upstream.seen.length;
    for (const path of ['fapi/v1/order', 'fapi/v2/account', 'sapi/v1/capital/config/getall', 'fapi/v1/klines/../order', 'fapi/v1/listenKey']) {
      expect((await fetch(`${demo.url}api/binance/${path}`)).status, path).toBe(404);
    }
    expect(upstream.seen.length).toBe(before);
  });

  it('refuses unknown and malformed parameters, and missing required ones', async () => {
    const before = upstream.seen.length;
    const bad = [
      'fapi/v1/klines?symbol=BTCUSDT&interval=1h&signature=x',
      'fapi/v1/klines?symbol=btc/usdt&interval=1h',
      'fapi/v1/klines?symbol=BTCUSDT&interval=2m',
      'fapi/v1/klines?symbol=BTCUSDT&interval=1h&limit=5000',
      'fapi/v1/klines?symbol=BTCUSDT',
      'fapi/v1/klines?symbol=BTCUSDT&interval=1h&startTime=http://evil',
    ];
    for (const path of bad) expect((await fetch(`${demo.url}api/binance/${path}`)).status, path).toBe(400);
    expect(upstream.seen.length).toBe(before);
  });

  it('refuses, by name, query names every JS object inherits, and keeps serving', async () => {
    const before = upstream.seen.length;
    for (const name of ['valueOf', '__proto__', 'hasOwnProperty', 'constructor', 'toString', 'isPrototypeOf', '__defineGetter__']) {
      const response = await fetch(`${demo.url}api/binance/fapi/v1/klines?symbol=BTCUSDT&interval=1h&${name}=1`);
      expect(response.status, name).toBe(400);
      expect((await response.json()).msg, name).toBe(`parameter not allowed for /fapi/v1/klines: "${name}"`);
      expect((await fetch(`${demo.url}api/binance/fapi/v1/klines?symbol=BTCUSDT&interval=1h`)).status, `after ${name}`).toBe(200);
    }
    expect(upstream.seen.length).toBe(before + 7);
  });

  it('refuses a parameter given twice', async () => {
    const before = upstream.seen.length;
    expect((await fetch(`${demo.url}api/binance/fapi/v1/klines?symbol=BTCUSDT&interval=1h&symbol=ETHUSDT`)).status).toBe(400);
    expect(upstream.seen.length).toBe(before);
  });

  it('cannot be pointed at another host', async () => {
    const before = upstream.seen.length;
    const response = await fetch(`${demo.url}api/binance//evil.example.com/fapi/v1/klines?symbol=BTCUSDT&interval=1h`);
    expect(response.status).toBe(404);
    expect(upstream.seen.length).toBe(before);
  });
});

describe('demo server pass-through when Binance is unreachable', () => {
  it('answers 502 with a clear reason', async () => {
    const demo = await startDemo([], { BINANCE_REST_URL: 'http://127.0.0.1:9' });
    try {
      const response = await fetch(`${demo.url}api/binance/fapi/v1/ticker/24hr?symbol=BTCUSDT`);
      expect(response.status).toBe(502);
      expect((await response.json()).msg).toMatch(/could not be reached/);
    } finally {
      demo.child.kill();
    }
  });
});
