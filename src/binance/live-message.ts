import type { Kline } from '../klines/kline';
import { KlineError } from '../klines/kline-error';
import { klineFromWsMessage } from '../klines/from-ws-payload';
import { parseOptionalNumber, parseRequiredNumber } from '../klines/parse-number';
import type { MarkPriceUpdate } from './binance-types';
import type { LiveStreamNames } from './live-stream-url';

/** One decoded message of the live combined stream. */
export type LiveMessage =
  /** A kline tick; `eventTime` is the event's `E` (NaN when absent), used to drop out-of-order ticks. */
  | { kind: 'kline'; kline: Kline; eventTime: number }
  | { kind: 'markPrice'; update: MarkPriceUpdate }
  /** Anything else: another stream, a subscription reply, an unknown event. */
  | { kind: 'other' };

const SOURCE = 'live stream';

/**
 * Decodes a websocket message of the combined stream `{ "stream", "data" }` (a bare event is accepted
 * too). `data` may be text or UTF-8 bytes.
 * @throws KlineError for malformed JSON or a kline / mark-price event with bad values.
 */
export function parseLiveMessage(data: unknown, names: LiveStreamNames): LiveMessage {
  const msg = parseJson(typeof data === 'string' ? data : decode(data));
  if (!isRecord(msg)) return { kind: 'other' };
  const stream = typeof msg.stream === 'string' ? msg.stream : undefined;
  const event = isRecord(msg.data) ? msg.data : msg;
  if (stream === names.kline || (stream === undefined && event.e === 'kline')) {
    const kline = klineFromWsMessage(event, undefined, SOURCE);
    const eventTime = typeof event.E === 'number' && Number.isFinite(event.E) ? event.E : NaN;
    return { kind: 'kline', kline, eventTime };
  }
  if (stream === names.markPrice || (stream === undefined && event.e === 'markPriceUpdate')) {
    const at = (field: string) => ({ field, source: SOURCE });
    return {
      kind: 'markPrice',
      update: {
        time: parseRequiredNumber(event.E, at('E')),
        markPrice: parseRequiredNumber(event.p, at('p')),
        // Delivery contracts send "" here; perpetuals always carry the funding rate.
        fundingRate: parseOptionalNumber(event.r, at('r')) ?? NaN,
      },
    };
  }
  return { kind: 'other' };
}

type Data = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decode(data: unknown): string {
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return new TextDecoder().decode(data as Uint8Array);
  return String(data);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KlineError('format', `malformed JSON: ${(error as Error).message}`, undefined, undefined, SOURCE);
  }
}
