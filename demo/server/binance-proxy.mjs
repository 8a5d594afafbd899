// @ts-check
/**
 * An allow-listed pass-through to Binance USDⓈ-M public market data, so the page can reach it from its
 * own origin. Not an open proxy: one fixed upstream host, a fixed set of paths, and every query
 * parameter validated against that path's list; anything else is refused with 400/404.
 */
const SYMBOL = /^[A-Z0-9]{2,30}$/;
const INTERVALS = new Set(['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d', '3d', '1w', '1M']);
const PERIODS = new Set(['5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d']);
/** @typedef {(value: string) => boolean} ParamCheck */

/**
 * @param {number} min
 * @param {number} max
 * @returns {ParamCheck}
 */
const int = (min, max) => (v) => /^\d{1,16}$/.test(v) && Number(v) >= min && Number(v) <= max;
const TIME = int(0, 4_102_444_800_000);
/** @type {ParamCheck} */
const symbolCheck = (v) => SYMBOL.test(v);
/** @type {ParamCheck} */
const intervalCheck = (v) => INTERVALS.has(v);

/**
 * Allowed path -> (parameter -> validator). Maps, not plain objects: a query name such as `valueOf`,
 * `constructor` or `__proto__` must find nothing rather than something every object inherits.
 * @type {[string, ParamCheck][]}
 */
const KLINE_RULES = [['symbol', symbolCheck], ['interval', intervalCheck], ['startTime', TIME], ['endTime', TIME], ['limit', int(1, 1500)]];
/** @type {Map<string, Map<string, ParamCheck>>} */
const ROUTES = new Map([
  ['/fapi/v1/klines', new Map(KLINE_RULES)],
  ['/fapi/v1/markPriceKlines', new Map(KLINE_RULES)],
  ['/fapi/v1/exchangeInfo', new Map()],
  ['/fapi/v1/premiumIndex', new Map([['symbol', symbolCheck]])],
  ['/fapi/v1/openInterest', new Map([['symbol', symbolCheck]])],
  ['/fapi/v1/ticker/24hr', new Map([['symbol', symbolCheck]])],
  ['/futures/data/openInterestHist', new Map([['symbol', symbolCheck], ['period', (v) => PERIODS.has(v)], ['startTime', TIME], ['endTime', TIME], ['limit', int(1, 500)]])],
]);
/** @type {Map<string, string[]>} */
const REQUIRED = new Map([
  ['/fapi/v1/klines', ['symbol', 'interval']],
  ['/fapi/v1/markPriceKlines', ['symbol', 'interval']],
  ['/futures/data/openInterestHist', ['symbol', 'period']],
]);

/**
 * The validated upstream URL for a request under `prefix`, or `{ status, error }` saying why not.
 * @param {URL} url
 * @param {string} prefix
 * @param {string} upstream
 * @returns {{ url: string, status?: undefined, error?: undefined } | { url?: undefined, status: number, error: string }}
 */
export function upstreamUrl(url, prefix, upstream) {
  const path = url.pathname.slice(prefix.length);
  const rules = ROUTES.get(path);
  if (!rules) return { status: 404, error: `not an allowed Binance market-data path: ${path}` };
  const query = new URLSearchParams();
  for (const [name, value] of url.searchParams) {
    const check = rules.get(name);
    if (!check) return { status: 400, error: `parameter not allowed for ${path}: ${JSON.stringify(name.slice(0, 40))}` };
    if (query.has(name)) return { status: 400, error: `parameter given twice for ${path}: ${name}` };
    if (!check(value)) return { status: 400, error: `invalid ${name} for ${path}` };
    query.set(name, value);
  }
  for (const name of REQUIRED.get(path) ?? []) if (!query.has(name)) return { status: 400, error: `${name} is required for ${path}` };
  const qs = query.toString();
  return { url: `${upstream}${path}${qs ? `?${qs}` : ''}` };
}

/**
 * Handles one pass-through request: fetches upstream (10 s limit) and relays status, weight header and body.
 * @param {import('node:http').IncomingMessage} _req
 * @param {import('node:http').ServerResponse} res
 * @param {string} target
 * @param {Record<string, string>} headers
 */
export async function relay(_req, res, target, headers) {
  try {
    const response = await fetch(target, { signal: AbortSignal.timeout(10_000) });
    const body = Buffer.from(await response.arrayBuffer());
    /** @type {Record<string, string>} */
    const relayed = { ...headers, 'Content-Type': response.headers.get('content-type') ?? 'application/json' };
    for (const name of ['retry-after', 'x-mbx-used-weight-1m']) {
      const value = response.headers.get(name);
      if (value !== null) relayed[name] = value;
    }
    res.writeHead(response.status, relayed).end(body);
  } catch (caught) {
    const error = /** @type {{ cause?: { code?: string }, name?: string } | undefined} */ (caught);
    const reason = error?.cause?.code ?? error?.name ?? 'error';
    res.writeHead(502, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 'unreachable', msg: `Binance could not be reached from the demo server (${reason})` }));
  }
}
