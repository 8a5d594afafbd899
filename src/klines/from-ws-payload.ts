import type { Kline } from './kline';
import { KlineError } from './kline-error';
import { klineFromValues } from './kline-from-values';

const KLINE_EVENTS: ReadonlySet<unknown> = new Set(['kline', 'continuous_kline']);

/**
 * Converts one Binance kline websocket message to a {@link Kline}: the raw event
 * `{ e: 'kline', k: { t, T, o, h, l, c, v, q, V, Q, n, x } }` (also `continuous_kline`), the
 * combined-stream wrapper `{ stream, data: {...} }`, the bare `k` object, or any of these as JSON
 * text. `closed` is `k.x`: true once the bar has closed.
 * @param row - 1-based position of the message in its input, for error messages.
 * @param source - name of the input, for error messages.
 * @throws KlineError `format` for malformed JSON and non-kline messages (e.g. `markPriceUpdate`),
 * `missing-field` or `non-numeric` for bad values.
 */
export function klineFromWsMessage(msg: unknown, row?: number, source?: string): Kline {
  const event = unwrap(typeof msg === 'string' ? parseJson(msg, row, source) : msg);
  const body = event?.k ?? (event && event.e === undefined && 't' in event ? event : undefined);
  if (event === undefined || (event.e !== undefined && !KLINE_EVENTS.has(event.e)) || !isRecord(body)) {
    throw new KlineError('format', `not a kline websocket message (${describeEvent(event)})`, row, undefined, source);
  }
  const kline = klineFromValues(
    {
      openTime: body.t,
      closeTime: body.T,
      open: body.o,
      high: body.h,
      low: body.l,
      close: body.c,
      volume: body.v,
      quoteVolume: body.q,
      takerBuyBase: body.V,
      takerBuyQuote: body.Q,
      trades: body.n,
    },
    row,
    source,
  );
  if (typeof body.x === 'boolean') kline.closed = body.x;
  return kline;
}

/** True for objects shaped like a kline websocket message (event, combined wrapper or bare `k`). */
export function looksLikeWsMessage(value: object): boolean {
  return 'k' in value || 'e' in value || 'stream' in value || ('t' in value && 'o' in value);
}

type Data = Readonly<Record<string, unknown>>;

function unwrap(value: unknown): Data | undefined {
  if (!isRecord(value)) return undefined;
  return isRecord(value.data) ? value.data : value;
}

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeEvent(event: Data | undefined): string {
  if (event === undefined) return 'not an object';
  if (typeof event.e === 'string') return `event type "${event.e}"`;
  return 'no kline object "k"';
}

function parseJson(text: string, row: number | undefined, source: string | undefined): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KlineError('format', `malformed JSON: ${(error as Error).message}`, row, undefined, source);
  }
}
