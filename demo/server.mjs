// @ts-check
import { createServer } from 'node:http';
import { relay, upstreamUrl } from './server/binance-proxy.mjs';
import { findReplay, loadReplayFile, syntheticReplay, toRestRows } from './server/replay-source.mjs';
import { isCrossOrigin } from './server/fetch-site.mjs';
import { isOwnHost } from './server/own-host.mjs';
import { readStatic, resolveStatic } from './server/static-files.mjs';

/** Binance's market-data websocket, which the page connects to itself; `BINANCE_WS_URL` points it elsewhere (tests use a local stand-in). */
const WS_BASE = wsBase(process.env.BINANCE_WS_URL ?? 'wss://fstream.binance.com');

/** A strict policy: no eval, no inline scripts, no foreign origins but the websocket's (lightweight-charts sets inline styles, so styles allow them). */
const CSP = `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ${new URL(WS_BASE).origin}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;

/**
 * The websocket base URL without trailing slashes; exits naming the variable when it is not ws(s)://.
 * @param {string} text
 */
function wsBase(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) {
    console.error(`demo: BINANCE_WS_URL must be a ws:// or wss:// URL (got "${text}")`);
    process.exit(1);
  }
  return text.replace(/\/+$/, '');
}

/** @param {string} name */
function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const PROXY_PREFIX = '/api/binance';
/** Binance's REST host; `BINANCE_REST_URL` points it elsewhere (tests use a local stand-in). */
const UPSTREAM = (process.env.BINANCE_REST_URL ?? 'https://fapi.binance.com').replace(/\/$/, '');

const replayFile = argValue('--replay');
if (process.argv.includes('--replay') && (!replayFile || replayFile.startsWith('--'))) {
  console.error('demo: --replay needs a FILE (a klines CSV or JSON), e.g. node demo/server.mjs --replay ../shared/data/binance/klines/BTCUSDT-PERP_1h_astral.csv');
  process.exit(1);
}
/** @type {import('./server/replay-source.mjs').Replay | null} */
let fixedReplay = null;
if (replayFile) {
  try {
    fixedReplay = loadReplayFile(replayFile);
  } catch (error) {
    console.error(`demo: cannot load replay data: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
const SYMBOL = /^[A-Z0-9]{2,30}$/;
const INTERVALS = new Set(['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d']);

/**
 * `/api/config`: whether the page should try Binance live or only replay, where the live websocket is,
 * and with `--replay FILE` the file's symbol and interval (the page locks its controls to them).
 */
const configBody = JSON.stringify({
  mode: fixedReplay ? 'replay' : 'live',
  replayLabel: fixedReplay?.label ?? null,
  replaySymbol: fixedReplay?.symbol ?? null,
  replayInterval: fixedReplay?.interval ?? null,
  wsBaseUrl: WS_BASE,
});

/**
 * The `/api/replay` answer for a symbol and interval: recorded bars (or generated ones only when
 * `synthetic=1` asks for them), only the latest `bars` of them when given (the label's span is theirs),
 * 404 naming the symbol and interval when nothing is recorded, 400 when the symbol, interval or bars is
 * invalid.
 * @param {URL} url
 * @returns {{ status: number, body: string }}
 */
function replayAnswer(url) {
  const symbol = (url.searchParams.get('symbol') ?? 'BTCUSDT').toUpperCase();
  const interval = url.searchParams.get('interval') ?? '1h';
  if (!SYMBOL.test(symbol) || !INTERVALS.has(interval)) return { status: 400, body: JSON.stringify({ code: 'refused', msg: 'invalid symbol or interval' }) };
  const barsText = url.searchParams.get('bars');
  if (barsText !== null && !/^[1-9][0-9]{0,6}$/.test(barsText)) return { status: 400, body: JSON.stringify({ code: 'refused', msg: 'invalid bars: a whole number from 1 to 9999999' }) };
  const bars = barsText === null ? null : Number(barsText);
  const replay = fixedReplay ?? (url.searchParams.get('synthetic') === '1' ? syntheticReplay(symbol, interval) : findReplay(symbol, interval));
  if (!replay) return { status: 404, body: JSON.stringify({ code: 'no-recording', msg: `no recorded data for ${symbol} ${interval} offline` }) };
  const { file, derivedFrom, synthetic, series } = replay;
  const from = bars === null ? 0 : Math.max(0, series.length - bars);
  const label = from === 0 || series.length === 0 ? replay.label : replay.labelOf(series.openTime[from], series.openTime[series.length - 1]);
  return {
    status: 200,
    body: JSON.stringify({ label, file, derivedFrom, synthetic, symbol: replay.symbol ?? symbol, interval: replay.interval ?? interval, intervalMs: series.intervalMs, rows: toRestRows(series, from) }),
  };
}

const BASE_HEADERS = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
/** The port the server listens on, once it does: the Host check compares with it. */
let ownPort = -1;

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} msg
 */
function refuse(res, status, msg) {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 'refused', msg }));
}

/**
 * The request target as a URL on this server, or null when it is not a path (absolute-form, `*`, unparsable).
 * @param {string | undefined} target
 */
function requestUrl(target) {
  if (typeof target !== 'string' || !target.startsWith('/')) return null;
  try {
    return new URL(`http://localhost${target}`);
  } catch {
    return null;
  }
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function handle(req, res) {
  const headers = BASE_HEADERS;
  if (!isOwnHost(req.headers.host, ownPort)) {
    refuse(res, 421, `Host ${JSON.stringify(String(req.headers.host ?? '').slice(0, 100))} is not this server (use 127.0.0.1:${ownPort})`);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = requestUrl(req.url);
  if (!url) {
    refuse(res, 400, 'the request target must be a path on this server');
    return;
  }
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204, headers).end();
    return;
  }
  if (url.pathname.startsWith('/api/') && isCrossOrigin(req.headers)) {
    refuse(res, 403, 'the API answers this page only (cross-origin request refused)');
    return;
  }
  if (url.pathname.startsWith(PROXY_PREFIX)) {
    const target = upstreamUrl(url, PROXY_PREFIX, UPSTREAM);
    if (target.error !== undefined) refuse(res, target.status, target.error);
    else await relay(req, res, target.url, headers);
    return;
  }
  if (url.pathname === '/api/config') {
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(configBody);
    return;
  }
  if (url.pathname === '/api/replay') {
    const { status, body } = replayAnswer(url);
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json' }).end(body);
    return;
  }
  const target = resolveStatic(url.pathname);
  if (target && 'error' in target) {
    refuse(res, target.status, target.error);
    return;
  }
  const body = target ? await readStatic(target) : null;
  if (!target || !body) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': target.type }).end(body);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    // One bad request must never stop the server: answer 500 (or drop the connection) and go on.
    console.error(`demo: ${req.method} ${String(req.url).slice(0, 200)} failed: ${error?.stack ?? error}`);
    if (res.headersSent) res.destroy();
    else refuse(res, 500, 'internal error in the demo server');
  });
});

const port = Number(process.env.PORT ?? 5173);
server.on('error', (error) => {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  if (code === 'EADDRINUSE') console.error(`demo: port ${port} on 127.0.0.1 is already in use; start with PORT=<another port> (e.g. PORT=${port + 1} npm start)`);
  else if (code === 'EACCES') console.error(`demo: no permission to listen on port ${port}; start with PORT=<another port> (e.g. PORT=8080 npm start)`);
  else console.error(`demo: cannot listen on 127.0.0.1:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  ownPort = address.port;
  const data = fixedReplay ? fixedReplay.label : `live Binance via ${UPSTREAM}, replay when unreachable`;
  console.log(`Liq. Heatmap & Levels demo: http://127.0.0.1:${address.port}/  (data: ${data})`);
});
