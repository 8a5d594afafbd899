import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BinanceError } from '../../src/binance/binance-error';
import { sleep } from '../../src/binance/backoff';
import { BinanceRestClient } from '../../src/binance/rest-client';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { must } from '../helpers/must';
import { errorBody, sharedDataPresent } from './fake-binance-http';
import { startKit } from './rest-test-kit';

const haveShared = sharedDataPresent('Binance REST error bodies');
const KLINES = '/fapi/v1/klines';
const bars = syntheticKlines(50, { seed: 1 });

async function klinesKit(options: ConstructorParameters<typeof BinanceRestClient>[0] = {}) {
  const kit = await startKit(options);
  kit.server.setKlines('BTCUSDT', '1h', bars);
  return kit;
}

async function failure(promise: Promise<unknown>): Promise<BinanceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BinanceError);
  return error as BinanceError;
}

describe('BinanceRestClient errors', () => {
  it('429 with Retry-After: waits the asked seconds, then succeeds', async () => {
    const { server, client, sleeps } = await klinesKit();
    server.fault({ status: 429, headers: { 'retry-after': '7' }, body: '{"code":-1003,"msg":"Too many requests."}' });

    const klines = await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 50 });

    expect(klines).toHaveLength(50);
    expect(sleeps).toEqual([7000]);
    expect(server.requestsTo(KLINES)).toHaveLength(2);
  });

  it('429 with a Retry-After longer than maxWaitMs: rate-limited at once, without waiting', async () => {
    const { server, client, sleeps } = await klinesKit({ maxWaitMs: 10_000 });
    server.fault({ status: 429, headers: { 'retry-after': '120' }, body: '{"code":-1003,"msg":"Too many requests."}' });

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h' }));

    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.code).toBe(-1003);
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('429 on every attempt: rate-limited after the retry budget', async () => {
    const { server, client, sleeps } = await klinesKit({ retries: 2 });
    server.fault(...Array.from({ length: 3 }, () => ({ status: 429, headers: { 'retry-after': '1' } })));

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h' }));

    expect(error.kind).toBe('rate-limited');
    expect(error.message).toContain('gave up after 3 attempts');
    expect(sleeps).toEqual([1000, 1000]);
    expect(server.requests).toHaveLength(3);
  });

  it('418: banned with retryAfterMs after exactly one request, and later calls are not sent', async () => {
    const { server, client, sleeps } = await klinesKit();
    server.fault({ status: 418, headers: { 'retry-after': '300' }, body: '{"code":-1003,"msg":"Way too many requests; IP banned until 1735689900000."}' });

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h' }));
    const again = await failure(client.premiumIndex('BTCUSDT'));

    expect(error.kind).toBe('banned');
    expect(error.status).toBe(418);
    expect(error.retryAfterMs).toBe(300_000);
    expect(error.message).toContain('banned');
    expect(again.kind).toBe('banned');
    expect(again.retryAfterMs).toBe(300_000);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('451: restricted, saying plainly that Binance refuses this location', async () => {
    const { server, client } = await klinesKit();
    server.fault({ status: 451, body: '{"code":0,"msg":"Service unavailable from a restricted location according to \'b. Eligibility\' in https://www.binance.com/en/terms."}' });

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h' }));

    expect(error.kind).toBe('restricted');
    expect(error.status).toBe(451);
    expect(error.message).toMatch(/Binance refuses service from this location/);
    expect(server.requests).toHaveLength(1);
  });

  it('500 then success: retried after a backoff wait', async () => {
    const { server, client, sleeps } = await klinesKit();
    server.fault({ status: 500, body: '<html><body>Internal Server Error</body></html>', headers: { 'content-type': 'text/html' } });

    const klines = await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 5 });

    expect(klines).toHaveLength(5);
    expect(sleeps).toEqual([375]); // attempt 0: 500 ms cap, jitter 0.5 -> 0.75 of it
    expect(server.requests).toHaveLength(2);
  });

  it('5xx on every attempt: http error with the status after the retry budget', async () => {
    const { server, client, sleeps } = await klinesKit({ retries: 3 });
    server.fault(...Array.from({ length: 4 }, () => ({ status: 502, body: '<html><h1>502 Bad Gateway</h1></html>' })));

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h' }));

    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
    expect(error.message).toContain('502 Bad Gateway');
    expect(sleeps).toEqual([375, 750, 1500]);
    expect(server.requests).toHaveLength(4);
  });

  it.skipIf(!haveShared)('-1121 invalid symbol: code and message surfaced after one request', async () => {
    const { server, client } = await klinesKit();
    server.fault({ status: 400, body: must(errorBody(-1121), 'the recorded error body of code -1121') });

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h' }));

    expect(error.kind).toBe('binance');
    expect(error.status).toBe(400);
    expect(error.code).toBe(-1121);
    expect(error.message).toContain('Invalid symbol.');
    expect(error.message).toContain('-1121');
    expect(error.message).toContain(`${server.url}/fapi/v1/klines?symbol=BTCUSDT`);
    expect(server.requests).toHaveLength(1);
  });

  it('an unknown symbol answered by the server: -1121 from its error body, not retried', async () => {
    const { server, client } = await klinesKit();

    const error = await failure(client.klines({ symbol: 'NOPEUSDT', interval: '1h' }));

    expect(error.code).toBe(-1121);
    expect(server.requests).toHaveLength(1);
  });

  it('a Binance error body sent with HTTP 200: binance error with its code, not malformed', async () => {
    const { server, client } = await klinesKit();
    server.fault({ body: '{"code":-1120,"msg":"Invalid interval."}' });

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h' }));

    expect(error.kind).toBe('binance');
    expect(error.code).toBe(-1120);
    expect(server.requests).toHaveLength(1);
  });

  it('503 with Retry-After: waits the asked time rather than the backoff', async () => {
    const { server, client, sleeps } = await klinesKit();
    server.fault({ status: 503, headers: { 'retry-after': '3' }, body: '{"code":-1001,"msg":"Internal error; unable to process your request. Please try again."}' });

    const klines = await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 2 });

    expect(klines).toHaveLength(2);
    expect(sleeps).toEqual([3000]);
  });

  it('malformed JSON: malformed after one retry', async () => {
    const { server, client } = await klinesKit();
    server.fault({ body: '[[1735689600000,"93576.00"' }, { body: '{"oops": ' });

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h' }));

    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/malformed JSON/);
    expect(server.requests).toHaveLength(2);
  });

  it('truncated body (socket destroyed mid-body): malformed, retried once, then succeeds', async () => {
    const { server, client } = await klinesKit();
    server.fault({ truncateAt: 40 });

    const klines = await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 20 });

    expect(klines).toHaveLength(20);
    expect(server.requests).toHaveLength(2);
  });

  it('truncated body on every attempt: malformed saying the body was cut short', async () => {
    const { server, client } = await klinesKit();
    server.fault({ truncateAt: 40 }, { truncateAt: 40 });

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h' }));

    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('cut short');
    expect(server.requests).toHaveLength(2);
  });

  it('a body of the wrong shape: malformed naming the field, not retried', async () => {
    const { server, client } = await klinesKit();
    server.fault({ body: '[[1735689600000,"93576.00","93610.93","93537.50","abc","1.5"]]' });

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h' }));

    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('klines[0].close');
    expect(error.message).toContain('"abc"');
    expect(server.requests).toHaveLength(1);
  });

  it('connection refused: retried, then network naming the URL and the likely browser causes', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const sleeps: number[] = [];
    const client = new BinanceRestClient({
      baseUrl: `http://127.0.0.1:${port}`,
      retries: 2,
      backoff: { baseMs: 100, maxMs: 1000, random: () => 1 },
      sleep: async (ms) => void sleeps.push(ms),
    });

    const error = await failure(client.premiumIndex('BTCUSDT'));

    expect(error.kind).toBe('network');
    expect(error.url).toBe(`http://127.0.0.1:${port}/fapi/v1/premiumIndex?symbol=BTCUSDT`);
    expect(error.message).toContain(`GET http://127.0.0.1:${port}/fapi/v1/premiumIndex?symbol=BTCUSDT`);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).toMatch(/CORS.*blocker.*offline/);
    expect(sleeps).toEqual([100, 200]);
  });

  it('server closes the connection without answering: retried, then succeeds', async () => {
    const { server, client, sleeps } = await klinesKit();
    server.fault({ destroy: true }, { destroy: true });

    const klines = await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 3 });

    expect(klines).toHaveLength(3);
    expect(sleeps).toEqual([375, 750]);
    expect(server.requests).toHaveLength(3);
  });

  it('abort during a Retry-After wait: aborted promptly, no further request', async () => {
    const { server, client } = await klinesKit({ sleep });
    server.fault({ status: 429, headers: { 'retry-after': '30' } });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h', signal: controller.signal }));

    expect(error.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it('abort while the response is delayed: aborted promptly', async () => {
    const { server, client } = await klinesKit({ sleep });
    server.fault({ delayMs: 5000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h', signal: controller.signal }));

    expect(error.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it('an already-aborted signal: aborted without any request', async () => {
    const { server, client } = await klinesKit();
    const controller = new AbortController();
    controller.abort();

    const error = await failure(client.klines({ symbol: 'BTCUSDT', interval: '1h', signal: controller.signal }));

    expect(error.kind).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });

  it('sends header-free GETs (no custom headers, so browsers send no CORS preflight)', async () => {
    const { server, client } = await klinesKit();

    await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 1 });

    const custom = Object.keys(server.requests[0].headers).filter(
      (name) => !['host', 'connection', 'accept', 'accept-language', 'accept-encoding', 'user-agent', 'sec-fetch-mode'].includes(name),
    );
    expect(custom).toEqual([]);
  });
});
