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

/**
 * Most characters of an error body the client reads and inspects. Binance's `{code,msg}` bodies are far
 * shorter; an HTML page from a proxy or WAF is cut here before any pattern runs over it.
 */
export const ERROR_BODY_MAX_CHARS = 4096;

/** The start of a non-JSON error body (an HTML page from a proxy or WAF), on one line, for messages. */
export function bodySnippet(text: string, max = 120): string {
  const flat = stripTags(text.slice(0, ERROR_BODY_MAX_CHARS)).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}...` : flat;
}

/**
 * `text` with every `<...>` replaced by a space, in one pass: an unclosed `<` and what follows stay as
 * they are (a pattern like `/<[^>]*>/g` rescans to the end from every `<` and is quadratic on `<<<<`).
 */
export function stripTags(text: string): string {
  let out = '';
  let from = 0;
  while (from < text.length) {
    const open = text.indexOf('<', from);
    if (open < 0) break;
    const close = text.indexOf('>', open + 1);
    if (close < 0) break;
    out += `${text.slice(from, open)} `;
    from = close + 1;
  }
  return out + text.slice(from);
}
