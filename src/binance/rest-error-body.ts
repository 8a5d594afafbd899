/** A Binance error body: `{"code": -1121, "msg": "Invalid symbol."}`. */
export interface BinanceErrorBody {
  code: number;
  msg: string;
}

/** The Binance error in a response body, or `undefined` when the body is not one. */
export function parseErrorBody(text: string): BinanceErrorBody | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, msg } = value as { code?: unknown; msg?: unknown };
  return typeof code === 'number' && typeof msg === 'string' ? { code, msg } : undefined;
}

/** The start of a non-JSON error body (an HTML page from a proxy or WAF), on one line, for messages. */
export function bodySnippet(text: string, max = 120): string {
  const flat = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}...` : flat;
}
