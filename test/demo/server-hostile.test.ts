import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet, rawStatus } from './raw-http';
import { startDemo } from './start-demo';

describe('demo server: no request a stranger sends stops it', () => {
  let url = '';
  let host = '';
  let child: ChildProcess;
  let output: () => string;
  beforeAll(async () => {
    ({ url, child, output } = await startDemo());
    host = new URL(url).host;
  });
  afterAll(() => child?.kill());

  async function expectStillServing(): Promise<void> {
    expect(child.exitCode, output()).toBeNull();
    expect((await fetch(url)).status).toBe(200);
  }

  it('answers 400 to malformed percent escapes in a file path, and keeps serving', async () => {
    for (const path of ['demo/%ZZ.js', 'demo/%E0', 'dist/%', 'vendor/%E0%A4%A.js']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(400);
      expect((await response.json()).msg, path).toMatch(/malformed percent-encoding/);
      await expectStillServing();
    }
  });

  it('answers 400 to a NUL in a file path', async () => {
    expect((await fetch(`${url}demo/%00.js`)).status).toBe(400);
    await expectStillServing();
  });

  it('answers 421 to a Host that is not its own loopback host and port (DNS rebinding)', async () => {
    const port = new URL(url).port;
    for (const other of ['evil.example.com', `evil.example.com:${port}`, '127.0.0.1:1', `127.0.0.2:${port}`, `localhost.evil.example.com:${port}`]) {
      const { status, body } = await rawGet(url, '/api/config', { headers: { host: other } });
      expect(status, other).toBe(421);
      expect(body, other).toContain('is not this server');
    }
    await expectStillServing();
  });

  it('refuses the Binance pass-through to a foreign Host, not only the page', async () => {
    const { status } = await rawGet(url, '/api/binance/fapi/v1/ticker/24hr?symbol=BTCUSDT', { headers: { host: 'rebound.example.com' } });
    expect(status).toBe(421);
  });

  it('answers 403 to API requests a page on another origin makes the browser send, and serves its own page', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const { status, body } = await rawGet(url, '/api/binance/fapi/v1/ticker/24hr?symbol=BTCUSDT', { headers: { host, 'sec-fetch-site': site } });
      expect(status, site).toBe(403);
      expect(body, site).toContain('cross-origin request refused');
    }
    expect((await rawGet(url, '/api/config', { headers: { host, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect((await rawGet(url, '/', { headers: { host, 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    await expectStillServing();
  });

  it('answers its own loopback names: 127.0.0.1, localhost and [::1] with its port', async () => {
    const port = new URL(url).port;
    for (const own of [host, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await rawGet(url, '/api/config', { headers: { host: own } })).status, own).toBe(200);
    }
  });

  it('answers 421 to an HTTP/1.0 request without Host', async () => {
    expect(await rawStatus(url, 'GET / HTTP/1.0\r\n\r\n')).toBe(421);
    await expectStillServing();
  });

  it('answers 400 to a request target that is not a path, and keeps serving', async () => {
    for (const target of ['http://[::1/', 'http://evil.example.com/demo/main.js', '*']) {
      expect(await rawStatus(url, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`), target).toBe(400);
      await expectStillServing();
    }
  });

  it('answers 405 to other methods and 400 to ones HTTP does not know, and keeps serving', async () => {
    expect((await rawGet(url, '/', { method: 'DELETE' })).status).toBe(405);
    expect(await rawStatus(url, `BREW / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).toBe(400);
    await expectStillServing();
  });

  it('answers 431 to a 100 KB URL and 404 to a 12 KB one, and keeps serving', async () => {
    expect((await fetch(`${url}demo/${'a'.repeat(100_000)}.js`)).status).toBe(431);
    expect((await fetch(`${url}demo/${'%41'.repeat(4_000)}.js`)).status).toBe(404);
    await expectStillServing();
  });

  it('answers 400 to malformed headers, and keeps serving', async () => {
    expect(await rawStatus(url, `GET / HTTP/1.1\r\nHost: ${host}\r\nBad Header: x\r\n\r\n`)).toBe(400);
    expect(await rawStatus(url, `GET / HTTP/1.1\r\nHost: ${host}\r\nX: a\u0000b\r\n\r\n`)).toBe(400);
    await expectStillServing();
  });
});
