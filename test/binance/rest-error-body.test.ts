import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BinanceError } from '../../src/binance/binance-error';
import { ERROR_BODY_MAX_CHARS, bodySnippet, stripTags } from '../../src/binance/rest-error-body';
import { BinanceRestClient } from '../../src/binance/rest-client';
import type { BodyStreamLike, ResponseLike } from '../../src/binance/rest-options';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { startKit } from './rest-test-kit';

const MB = 1 << 20;

/** A 403 (not retried) whose body is `text`, served by `text()` only, or also as a stream of `chunk`-byte pieces that counts what was pulled. */
function errorResponse(text: string, chunk?: number): { response: ResponseLike; pulled: () => number; cancelled: () => boolean } {
  let offset = 0;
  let cancelled = false;
  const bytes = new TextEncoder().encode(text);
  const body: BodyStreamLike | undefined =
    chunk === undefined
      ? undefined
      : {
          getReader: () => ({
            read: async () => {
              if (offset >= bytes.length) return { done: true };
              const value = bytes.subarray(offset, offset + chunk);
              offset += value.length;
              return { done: false, value };
            },
            cancel: async () => {
              cancelled = true;
            },
          }),
        };
  const response: ResponseLike = {
    status: 403,
    statusText: 'Forbidden',
    headers: { get: () => null },
    body,
    text: async () => {
      offset = bytes.length;
      return text;
    },
  };
  return { response, pulled: () => offset, cancelled: () => cancelled };
}

async function failureOf(response: ResponseLike): Promise<BinanceError> {
  const client = new BinanceRestClient({ fetch: async () => response, retries: 0 });
  const error = await client.ticker24h('BTCUSDT').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BinanceError);
  return error as BinanceError;
}

describe('REST error bodies', () => {
  it('strips tags to spaces and keeps a never-closed "<" as text', () => {
    expect(bodySnippet('<html><body><h1>502 Bad Gateway</h1></body></html>')).toBe('502 Bad Gateway');
    expect(stripTags('x <i>c</i> 1 < 2')).toBe('x  c  1 < 2');
    expect(stripTags('<a<b>c')).toBe(' c');
  });

  it('strips tags exactly as /<[^>]*>/g would, on any text of "<", ">" and letters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', 'a', ' '), maxLength: 60 }), (text) => {
        expect(stripTags(text)).toBe(text.replace(/<[^>]*>/g, ' '));
      }),
    );
  });

  it('reads a 1 MB error body stream only to its first 4 KB, then cancels the rest', async () => {
    const body = errorResponse('<'.repeat(MB), 1024);
    const error = await failureOf(body.response);
    expect(body.pulled()).toBe(ERROR_BODY_MAX_CHARS);
    expect(body.cancelled()).toBe(true);
    expect(error.message).toContain(`HTTP 403 Forbidden: ${'<'.repeat(120)}...`);
  });

  it('a 1 MB body without a stream is cut to its first 4 KB before any tag is stripped (the work follows the cut, not the body)', async () => {
    // A tag closing just past the cut would turn the first 4 KB of "<" into one space and show TAIL, were the whole body stripped.
    const big = `${'<'.repeat(ERROR_BODY_MAX_CHARS)}>TAIL${'<'.repeat(MB)}`;
    const error = await failureOf(errorResponse(big).response);
    expect(error.message).toContain(`HTTP 403 Forbidden: ${'<'.repeat(120)}...`);
    expect(error.message).not.toContain('TAIL');
  });

  it('an HTML page of 1 MB from a proxy still yields a short one-line message', async () => {
    const page = `<html><head><title>Access denied</title></head><body>${'<p>blocked</p>'.repeat(80_000)}</body></html>`;
    const error = await failureOf(errorResponse(page, 16 * 1024).response);
    expect(error.message).toMatch(/HTTP 403 Forbidden: Access denied blocked blocked .{0,120}\.\.\./);
  });

  it('over real HTTP, a 1 MB HTML 403 page fails with a short message and the next request still succeeds', async () => {
    const kit = await startKit({ retries: 0 });
    kit.server.setKlines('BTCUSDT', '1h', syntheticKlines(10, { seed: 2 }));
    kit.server.fault({ status: 403, body: `<html><title>Blocked by WAF</title>${'<'.repeat(MB)}</html>`, headers: { 'content-type': 'text/html' } });
    const error = await kit.client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BinanceError);
    expect((error as BinanceError).message).toMatch(/HTTP 403 Forbidden: Blocked by WAF <{100}/);
    expect((error as BinanceError).message.length).toBeLessThan(400);
    expect(await kit.client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 10 })).toHaveLength(10);
  });
});
