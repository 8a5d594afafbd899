/**
 * A tiny loopback stand-in for Binance USDⓈ-M (`https://fapi.binance.com` and
 * `wss://fstream.binance.com`), for the live demo tests (test/browser/demo-live.test.ts) and the
 * demo-under-load benchmark (bench/demo-load-bench.mjs): the demo server is pointed at it with
 * `BINANCE_REST_URL` and `BINANCE_WS_URL`, so the page pages through a long history and then follows
 * the market exactly as it would against Binance, with no network.
 *
 * - `GET /fapi/v1/klines?symbol&interval&startTime&endTime&limit`: REST rows (12-element arrays, numbers
 *   as decimal strings as Binance sends them) of synthetic bars (`syntheticKlines`, seeded per interval,
 *   volatility scaled by √interval) from about 200 days ago up to the bar forming now; with `startTime`
 *   the first `limit` bars (default 500, max 1500) with `startTime <= openTime <= endTime`, without it the
 *   last `limit` up to `endTime`; ascending.
 * - `/fapi/v1/ticker/24hr`, `/fapi/v1/premiumIndex`, `/fapi/v1/openInterest`,
 *   `/futures/data/openInterestHist`, `/fapi/v1/exchangeInfo`: plausible bodies in Binance's shapes.
 * - anything else: 404 `{ code, msg }`; bad parameters: 400 `{ code, msg }` as Binance does.
 * - websocket `/market/stream?streams=<symbol>@kline_<interval>/<symbol>@markPrice@1s` (a real `ws`
 *   server on the same port): every `tickMs` a combined-stream kline event for the forming bar (its
 *   close moving by a few basis points) and a `markPriceUpdate`.
 *
 * With `recorded: FILE` (a Binance klines CSV) the bars are that recording's, moved in time so that its
 * last rows are the bars forming now (the first 48 rows are held back for the clock to move into): real
 * market shapes instead of a random walk. Only the recording's interval is served then.
 *
 * Every REST answer waits `delayMs` (default 30 ms) first, like a network round trip. Requests are
 * counted per path (`stats()`, `reset()`); `warm(intervals)` builds the bars ahead of the first request.
 * `now` (default `Date.now`) is the stand-in's clock: a test that moves it past a bar's end makes that
 * bar close and the next one form. `dropSockets()` cuts every websocket, as a network drop would.
 *
 * Run alone: `node test/demo/fake-binance.mjs` prints its URLs and serves until killed.
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { readFileSync } from 'node:fs';
import { intervalToMs, msToInterval, parseKlines, syntheticKlines } from '../../dist/core.mjs';

/** Rows of a recording kept for the clock to move into (bars that form after the test starts). */
const RECORDED_SPARE = 48;

/** How far back the stand-in has bars. */
export const HISTORY_MS = 200 * 24 * 3_600_000;
const MAX_LIMIT = 1500;
const SYMBOL = /^[A-Z0-9]{2,30}$/;
const PERIODS = new Set(['5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d']);

const STREAMS = /^([a-z0-9]{2,30})@kline_(\w+)\/\1@markPrice@1s$/;

/**
 * Starts the server on 127.0.0.1 (port 0 unless given).
 * @param {{ delayMs?: number, tickMs?: number, port?: number, now?: () => number }} [options]
 * @returns {Promise<{ url: string, wsUrl: string, stats: () => object, reset: () => void, close: () => Promise<void> }>}
 */
export async function startFakeBinance({ delayMs = 30, tickMs = 250, port = 0, now = Date.now, recorded = undefined } = {}) {
  const recording = recorded ? recordedKlines(recorded) : null;
  const history = new Map(); // interval -> { intervalMs, start, count, rows: string[] (JSON per row), openTimes: Float64Array, klines }
  let counts = {};
  let klineLog = [];

  /** Bars of `interval` from ~200 days ago up to the forming bar, regenerated (same start and seed) once time moves past the last. */
  function barsOf(interval) {
    const intervalMs = intervalToMs(interval);
    const current = Math.floor(now() / intervalMs) * intervalMs;
    let h = history.get(interval);
    if (h && h.start + (h.count - 1) * intervalMs >= current) return h;
    let start;
    let klines;
    if (recording) {
      if (interval !== recording.interval) throw new Error(`the recording is ${recording.interval}, not ${interval}`);
      start = h ? h.start : current - (recording.bars.length - 1 - RECORDED_SPARE) * intervalMs;
      const count = Math.min(recording.bars.length, Math.round((current - start) / intervalMs) + 1);
      klines = recording.bars.slice(0, count).map((k, i) => ({ ...k, openTime: start + i * intervalMs, closeTime: start + (i + 1) * intervalMs - 1 }));
    } else {
      start = h ? h.start : Math.floor((now() - HISTORY_MS) / intervalMs) * intervalMs;
      const count = Math.round((current - start) / intervalMs) + 1;
      const seed = [...interval].reduce((s, c) => s * 31 + c.charCodeAt(0), 7) >>> 0;
      klines = syntheticKlines(count, { start, intervalMs, seed, volatility: 0.007 * Math.sqrt(intervalMs / 3_600_000) });
    }
    const count = klines.length;
    const rows = klines.map((k) =>
      JSON.stringify([
        k.openTime,
        k.open.toFixed(2),
        k.high.toFixed(2),
        k.low.toFixed(2),
        k.close.toFixed(2),
        k.volume.toFixed(3),
        k.closeTime,
        k.quoteVolume.toFixed(5),
        k.trades,
        k.takerBuyBase.toFixed(3),
        k.takerBuyQuote.toFixed(5),
        '0',
      ]),
    );
    h = { intervalMs, start, count, rows, openTimes: Float64Array.from(klines, (k) => k.openTime), klines };
    history.set(interval, h);
    return h;
  }

  /** First index with openTime >= t. */
  function lowerBound(openTimes, t) {
    let lo = 0;
    let hi = openTimes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (openTimes[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function klinesBody(q) {
    const interval = q.get('interval');
    try {
      intervalToMs(interval ?? '');
    } catch {
      return [400, { code: -1120, msg: 'Invalid interval.' }];
    }
    const limit = q.has('limit') ? Number(q.get('limit')) : 500;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return [400, { code: -1130, msg: "Data sent for parameter 'limit' is not valid." }];
    const startTime = q.has('startTime') ? Number(q.get('startTime')) : undefined;
    const endTime = q.has('endTime') ? Number(q.get('endTime')) : undefined;
    if ((startTime !== undefined && !Number.isFinite(startTime)) || (endTime !== undefined && !Number.isFinite(endTime))) {
      return [400, { code: -1100, msg: 'Illegal characters found in a parameter.' }];
    }
    if (startTime !== undefined && endTime !== undefined && startTime > endTime) return [400, { code: -1023, msg: 'Start time is greater than end time.' }];
    const h = barsOf(interval);
    const end = endTime === undefined ? h.openTimes.length : lowerBound(h.openTimes, endTime + 1);
    let from;
    let to;
    if (startTime !== undefined) {
      from = lowerBound(h.openTimes, startTime);
      to = Math.min(end, from + limit);
    } else {
      to = end;
      from = Math.max(0, to - limit);
    }
    klineLog.push({ interval, startTime, endTime, limit, rows: Math.max(0, to - from) });
    return [200, `[${h.rows.slice(from, Math.max(from, to)).join(',')}]`];
  }

  /** The served market's last bar: of the recording's interval when there is one (it is the only one served). */
  function lastBarOf(interval = recording ? recording.interval : '1h') {
    const h = barsOf(interval);
    return { h, k: h.klines[h.klines.length - 1] };
  }

  function ticker(symbol) {
    const { h, k } = lastBarOf();
    const day = h.klines.slice(-Math.max(1, Math.round(86_400_000 / h.intervalMs)));
    const open = day[0].open;
    const high = Math.max(...day.map((b) => b.high));
    const low = Math.min(...day.map((b) => b.low));
    const volume = day.reduce((s, b) => s + b.volume, 0);
    const quoteVolume = day.reduce((s, b) => s + b.quoteVolume, 0);
    return {
      symbol,
      priceChange: (k.close - open).toFixed(2),
      priceChangePercent: ((100 * (k.close - open)) / open).toFixed(3),
      weightedAvgPrice: (quoteVolume / volume).toFixed(2),
      lastPrice: k.close.toFixed(2),
      lastQty: '0.010',
      openPrice: open.toFixed(2),
      highPrice: high.toFixed(2),
      lowPrice: low.toFixed(2),
      volume: volume.toFixed(3),
      quoteVolume: quoteVolume.toFixed(2),
      openTime: now() - 86_400_000,
      closeTime: now(),
      firstId: 1,
      lastId: 1 + day.reduce((s, b) => s + b.trades, 0),
      count: day.reduce((s, b) => s + b.trades, 0),
    };
  }

  function premiumIndex(symbol) {
    const { k } = lastBarOf();
    const t = now();
    return {
      symbol,
      markPrice: k.close.toFixed(8),
      indexPrice: (k.close * 0.9998).toFixed(8),
      estimatedSettlePrice: (k.close * 0.9999).toFixed(8),
      lastFundingRate: '0.00010000',
      interestRate: '0.00010000',
      nextFundingTime: Math.ceil(t / 28_800_000) * 28_800_000,
      time: t,
    };
  }

  function openInterestHist(q, symbol) {
    const period = q.get('period') ?? '';
    if (!PERIODS.has(period)) return [400, { code: -1102, msg: "Mandatory parameter 'period' was not sent, was empty/null, or malformed." }];
    const limit = q.has('limit') ? Number(q.get('limit')) : 30;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return [400, { code: -1130, msg: "Data sent for parameter 'limit' is not valid." }];
    const h = barsOf(period);
    const endTime = q.has('endTime') ? Number(q.get('endTime')) : now();
    const startTime = q.has('startTime') ? Number(q.get('startTime')) : undefined;
    const oldest = Math.max(now() - 30 * 86_400_000, startTime ?? 0);
    const out = [];
    for (let i = h.klines.length - 2; i >= 0 && out.length < limit; i--) {
      const k = h.klines[i];
      const timestamp = k.closeTime + 1;
      if (timestamp > endTime) continue;
      if (timestamp < oldest) break;
      const oi = 80_000 * (1 + 0.1 * Math.sin(i / 50));
      out.push({ symbol, sumOpenInterest: oi.toFixed(3), sumOpenInterestValue: (oi * k.close).toFixed(8), timestamp });
    }
    return [200, out.reverse()];
  }

  function answer(path, q) {
    if (path === '/fapi/v1/exchangeInfo') {
      return [200, { timezone: 'UTC', serverTime: now(), symbols: ['BTCUSDT', 'ETHUSDT', 'SOLUSDT'].map((symbol) => ({ symbol, status: 'TRADING', filters: [{ filterType: 'PRICE_FILTER', tickSize: '0.10', minPrice: '0.10', maxPrice: '4529764' }] })) }];
    }
    const symbol = q.get('symbol');
    const known = ['/fapi/v1/klines', '/fapi/v1/ticker/24hr', '/fapi/v1/premiumIndex', '/fapi/v1/openInterest', '/futures/data/openInterestHist'];
    if (!known.includes(path)) return [404, { code: -5000, msg: `Path ${path}, Method GET is invalid` }];
    if (!symbol || !SYMBOL.test(symbol)) return [400, { code: -1121, msg: 'Invalid symbol.' }];
    if (path === '/fapi/v1/klines') return klinesBody(q);
    if (path === '/fapi/v1/ticker/24hr') return [200, ticker(symbol)];
    if (path === '/fapi/v1/premiumIndex') return [200, premiumIndex(symbol)];
    if (path === '/fapi/v1/openInterest') return [200, { openInterest: (80_000).toFixed(3), symbol, time: now() }];
    return openInterestHist(q, symbol);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    counts[url.pathname] = (counts[url.pathname] ?? 0) + 1;
    setTimeout(() => {
      let status;
      let body;
      try {
        if (req.method !== 'GET') [status, body] = [405, { code: -1000, msg: 'only GET' }];
        else [status, body] = answer(url.pathname, url.searchParams);
      } catch (error) {
        [status, body] = [500, { code: -1000, msg: String(error?.message ?? error) }];
      }
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'X-MBX-USED-WEIGHT-1M': '10' }).end(text);
    }, delayMs);
  });
  const sockets = new WebSocketServer({ noServer: true });
  let streamUrls = [];
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = url.pathname === '/market/stream' ? STREAMS.exec(url.searchParams.get('streams') ?? '') : null;
    let interval = null;
    try {
      if (match) interval = intervalToMs(match[2]) && match[2];
    } catch {
      interval = null;
    }
    if (!match || !interval) {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    streamUrls.push(req.url);
    sockets.handleUpgrade(req, socket, head, (ws) => streamTo(ws, match[1], interval));
  });

  /** Sends the forming bar and the mark price every `tickMs` until the socket closes. */
  function streamTo(ws, symbol, interval) {
    let tick = 0;
    let lastEvent = 0;
    const send = () => {
      const { k } = lastBarOf(interval);
      const close = k.close * (1 + 0.0004 * Math.sin(++tick));
      // Event times only grow, as Binance's do, even while a test holds its clock still.
      const t = Math.max(now(), lastEvent + 1);
      lastEvent = t;
      const s = symbol.toUpperCase();
      ws.send(JSON.stringify({
        stream: `${symbol}@kline_${interval}`,
        data: {
          e: 'kline', E: t, s,
          k: {
            t: k.openTime, T: k.closeTime, s, i: interval, f: 1, L: 2,
            o: k.open.toFixed(2), c: close.toFixed(2), h: Math.max(k.high, close).toFixed(2), l: Math.min(k.low, close).toFixed(2),
            v: k.volume.toFixed(3), n: k.trades, x: false, q: k.quoteVolume.toFixed(5), V: k.takerBuyBase.toFixed(3), Q: k.takerBuyQuote.toFixed(5), B: '0',
          },
        },
      }));
      ws.send(JSON.stringify({
        stream: `${symbol}@markPrice@1s`,
        data: { e: 'markPriceUpdate', E: t, s, p: close.toFixed(8), i: (close * 0.9998).toFixed(8), P: close.toFixed(8), r: '0.00010000', T: Math.ceil(t / 28_800_000) * 28_800_000 },
      }));
    };
    const timer = setInterval(send, tickMs);
    send();
    ws.on('close', () => clearInterval(timer));
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    /** Base URL of the websocket stand-in (what `BINANCE_WS_URL` / `wsBaseUrl` take). */
    wsUrl: `ws://127.0.0.1:${address.port}`,
    /** Path and query of every accepted websocket connection since the last reset. */
    streams: () => streamUrls.slice(),
    /** Requests per path since the last reset, and the klines requests (interval, startTime, endTime, limit, rows). */
    /** Generates (and caches) the bars of these intervals now, so the first request is not slower than the rest. */
    warm: (intervals) => {
      for (const interval of intervals) barsOf(interval);
    },
    /** Cuts every websocket connection (the page should reconnect and back-fill what it missed). */
    dropSockets: () => {
      for (const ws of sockets.clients) ws.terminate();
    },
    stats: () => ({ counts: { ...counts }, klinePages: counts['/fapi/v1/klines'] ?? 0, klines: klineLog.slice() }),
    reset: () => {
      counts = {};
      klineLog = [];
      streamUrls = [];
    },
    close: () =>
      new Promise((resolve) => {
        for (const ws of sockets.clients) ws.terminate();
        sockets.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * A recording's bars with every field the stand-in sends (absent ones estimated from the rest).
 * @param {string} file
 */
function recordedKlines(file) {
  const series = parseKlines(readFileSync(file, 'utf8'), { source: file });
  const interval = msToInterval(series.intervalMs);
  if (!interval) throw new Error(`${file}: bars ${series.intervalMs} ms apart are no Binance interval`);
  const bars = [];
  for (let i = 0; i < series.length; i++) {
    const close = series.close[i];
    const volume = series.volume[i];
    const quoteVolume = Number.isNaN(series.quoteVolume[i]) ? volume * close : series.quoteVolume[i];
    const takerBuyBase = Number.isNaN(series.takerBuyBase[i]) ? volume / 2 : series.takerBuyBase[i];
    bars.push({
      open: series.open[i], high: series.high[i], low: series.low[i], close, volume, quoteVolume, takerBuyBase,
      takerBuyQuote: Number.isNaN(series.takerBuyQuote[i]) ? takerBuyBase * close : series.takerBuyQuote[i],
      trades: Number.isNaN(series.trades[i]) ? 1000 : series.trades[i],
    });
  }
  return { interval, bars };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fake = await startFakeBinance({ port: Number(process.env.PORT ?? 0) });
  console.log(`fake Binance REST: ${fake.url}, websocket: ${fake.wsUrl}`);
}
