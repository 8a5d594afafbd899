/** What a kline websocket message says it is: its symbol (`s`, or `ps` for a continuous kline) and interval (`k.i`). */
export interface WsKlineIdentity {
  symbol?: string;
  interval?: string;
}

/**
 * The symbol and interval a Binance kline websocket message names (raw event, combined-stream wrapper or
 * JSON text); empty for anything else, e.g. a REST row or a kline object, which name neither.
 */
export function wsKlineIdentity(msg: unknown): WsKlineIdentity {
  let value = msg;
  if (typeof value === 'string') {
    if (!value.trimStart().startsWith('{')) return {};
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  const event = record(record(value)?.data) ?? record(value);
  const k = record(event?.k);
  if (!event || !k) return {};
  const symbol = typeof event.s === 'string' ? event.s : typeof event.ps === 'string' ? event.ps : typeof k.s === 'string' ? k.s : undefined;
  const interval = typeof k.i === 'string' ? k.i : undefined;
  return { ...(symbol !== undefined && { symbol }), ...(interval !== undefined && { interval }) };
}

function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
