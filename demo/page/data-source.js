// Where bars come from: Binance live (REST through the demo server's allow-listed pass-through, the
// websocket straight from the browser) or, when Binance cannot be reached or replay was asked for,
// recorded bars from the demo server played back as if live.
import { playReplay } from './replay-player.js';
import { barsFor, rangeOf } from './range.js';

/** Replay pace per tick in ms: `?tick=N` in the URL (0 pauses playback, for screenshots and tests). */
const REPLAY_TICK_MS = Number(new URLSearchParams(location.search).get('tick') ?? 400);
const REPLAY_LIVE_BARS = 60;

/** Why live data failed, in the words the status line shows. */
export function describeFailure(error) {
  const kind = error && error.kind;
  if (kind === 'restricted') return 'Binance refuses service from this location (HTTP 451)';
  if (kind === 'banned') return 'Binance has banned this IP for now (HTTP 418)';
  if (kind === 'rate-limited') return 'Binance rate limit reached (HTTP 429)';
  if (error && error.status === 502) return 'Binance could not be reached from the demo server';
  if (kind === 'network') return 'Binance could not be reached (network)';
  if (kind === 'binance') return `Binance error ${error.code}: ${error.detail}`;
  return `Binance request failed: ${error && error.message ? error.message : String(error)}`;
}

/**
 * Loads history and starts updates; `config` is the server's `/api/config` (`mode`, `wsBaseUrl`).
 * `sink` gets `history(klines, label, context)`, `kline(k)`, `market(m)`, `openInterest(points)`,
 * `status(kind, text)`, `progress(text)`. Returns `{ stop }`.
 */
export async function openSource(state, config, sink, signal) {
  if (config.mode === 'live') {
    try {
      return await openLive(state, config, sink, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      if (error && error.kind === 'binance') {
        sink.status('error', `${describeFailure(error)} (${state.symbol} ${state.interval})`);
        throw error;
      }
      sink.status('error', `${describeFailure(error)}: showing replayed data instead`);
      return openReplay(state, sink, signal, true);
    }
  }
  return openReplay(state, sink, signal, false);
}

async function openLive(state, config, sink, signal) {
  const { BinanceRestClient, BinanceLiveFeed, intervalToMs } = window.LiqHeatmap;
  // One retry: the demo server answers 502 at once when Binance is unreachable, and the page should fall back fast.
  const rest = new BinanceRestClient({ baseUrl: `${location.origin}/api/binance`, retries: 1 });
  const intervalMs = intervalToMs(state.interval);
  const now = Date.now();
  const bars = barsFor(state.range, intervalMs);
  const startTime = now - bars * intervalMs;
  sink.status('loading', `loading ${state.symbol} ${state.interval} from Binance…`);
  // Market data and open-interest history are asked for while the klines page in, so the model is
  // built once, in USD, instead of again when the open interest lands.
  const market = loadMarket(rest, state, signal);
  const { klines } = await rest.klinesRange({
    symbol: state.symbol,
    interval: state.interval,
    startTime,
    signal,
    onProgress: (p) => sink.progress(`pages ${p.pagesDone} of ${p.pagesTotal}, ${p.bars} bars`),
  });
  // The last page was parsed in this task; hand the history over in the next one.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (signal.aborted) throw signal.reason;
  const openInterest = market.openInterest();
  sink.history(klines, `Binance ${state.symbol} ${state.interval}`, openInterest ? { openInterest } : {});
  if (!openInterest) market.history.then((points) => points && !signal.aborted && sink.openInterest(points));
  // Applied only now that the history is live: after a failed load the page shows replayed figures instead.
  market.figures.then((figures) => !signal.aborted && sink.market(figures));
  const feed = new BinanceLiveFeed({
    wsBaseUrl: config.wsBaseUrl || undefined,
    symbol: state.symbol,
    interval: state.interval,
    fetchKlines: (from, to, s) => rest.klinesRange({ symbol: state.symbol, interval: state.interval, startTime: from, endTime: to, signal: s }).then((r) => r.klines),
    onKline: (k) => sink.kline(k),
    onMarkPrice: (m) => sink.market({ markPrice: m.markPrice, fundingRate: m.fundingRate, asOf: m.time }),
    onStatus: (s) => {
      if (s.state === 'open') sink.status('live', `live: Binance ${state.symbol} ${state.interval}`);
      else if (s.state === 'reconnecting') sink.status('error', `live connection lost (${s.reason}); reconnecting in ${Math.round(s.inMs / 1000)} s`);
      else if (s.state === 'error') sink.status('error', `live: ${s.error.message}`);
    },
    since: klines.length ? klines[klines.length - 1].openTime : undefined,
    signal,
  });
  feed.start();
  sink.status('live', `live: Binance ${state.symbol} ${state.interval}`);
  return { stop: () => feed.stop() };
}

/**
 * Asks for the ticker, premium index, open interest and its history at once. Returns `{ figures,
 * history, openInterest() }`: a promise of the market figures for the panel, the history's promise
 * (undefined when it failed or is empty) and the history's points if they have arrived.
 */
function loadMarket(rest, state, signal) {
  const settle = (promise) => promise.then((v) => v, () => undefined);
  let arrived;
  const history = settle(rest.openInterestHist({ symbol: state.symbol, period: oiPeriod(state.interval), limit: 500, signal })).then((points) => {
    arrived = points && points.length ? points : undefined;
    return arrived;
  });
  const figures = Promise.all([
    settle(rest.ticker24h(state.symbol, { signal })),
    settle(rest.premiumIndex(state.symbol, { signal })),
    settle(rest.openInterest(state.symbol, { signal })),
  ]).then(([ticker, premium, oi]) => ({
    change24hPct: ticker?.priceChangePercent,
    fundingRate: premium?.lastFundingRate,
    openInterestUsd: oi && premium ? oi.openInterest * premium.markPrice : undefined,
    asOf: premium?.time,
  }));
  return { figures, history, openInterest: () => arrived };
}

function oiPeriod(interval) {
  return ['5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d'].includes(interval) ? interval : '1d';
}

async function openReplay(state, sink, signal, fellBack) {
  const response = await fetch(`/api/replay?symbol=${encodeURIComponent(state.symbol)}&interval=${encodeURIComponent(state.interval)}`, { signal });
  if (!response.ok) throw new Error(`replay data: HTTP ${response.status}`);
  const body = await response.json();
  const series = window.LiqHeatmap.parseKlines(body.rows, { source: 'replay' });
  const all = [];
  for (let i = 0; i < series.length; i++) all.push(klineAt(series, i));
  const wanted = Math.min(all.length, barsFor(state.range, series.intervalMs || 3_600_000) + REPLAY_LIVE_BARS);
  const shown = all.slice(all.length - wanted);
  const live = Math.min(REPLAY_LIVE_BARS, Math.floor(shown.length / 3));
  const history = shown.slice(0, shown.length - live);
  sink.history(history, body.label);
  const prefix = fellBack ? `${statusPrefix(sink)}` : '';
  sink.status(fellBack ? 'error' : 'replay', `${prefix}replay: ${body.label}`);
  const last = history[history.length - 1];
  sink.market({ asOf: last.openTime + (series.intervalMs || 0) });
  if (!(REPLAY_TICK_MS > 0)) return { stop: () => {} };
  const stop = playReplay(shown.slice(history.length), REPLAY_TICK_MS, (k) => {
    sink.kline(k);
    if (k.closed) sink.market({ asOf: k.openTime + (series.intervalMs || 0) });
  }, () => sink.status(fellBack ? 'error' : 'replay', `${prefix}replay finished: ${body.label}`));
  signal.addEventListener('abort', stop, { once: true });
  return { stop };
}

function statusPrefix(sink) {
  return sink.lastStatus ? `${sink.lastStatus.replace(/: showing replayed data instead$/, '')}. ` : '';
}

function klineAt(series, i) {
  const k = { openTime: series.openTime[i], open: series.open[i], high: series.high[i], low: series.low[i], close: series.close[i], volume: series.volume[i] };
  if (!Number.isNaN(series.quoteVolume[i])) k.quoteVolume = series.quoteVolume[i];
  if (!Number.isNaN(series.takerBuyBase[i])) k.takerBuyBase = series.takerBuyBase[i];
  return k;
}

export { rangeOf };
