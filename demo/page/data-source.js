// @ts-check
// Where bars come from: Binance live (REST through the demo server's allow-listed pass-through, the
// websocket straight from the browser) or, when Binance cannot be reached or replay was asked for,
// recorded bars from the demo server played back as if live.
import { createReplayPlayer } from './replay-player.js';
import { barsFor, rangeOf } from './range.js';

/** @typedef {import('../../plugin/index')} LiqHeatmapApi */
/** @typedef {import('../../src/klines/kline').Kline} Kline */
/** @typedef {import('../../src/klines/kline').KlineSeries} KlineSeries */
/** @typedef {import('../../src/model/open-interest').OpenInterestPoint} OpenInterestPoint */
/** @typedef {import('../../src/binance/rest-client').BinanceRestClient} BinanceRestClient */
/** @typedef {{ symbol: string, interval: string, range: string }} SourceState */
/** @typedef {{ mode: string, wsBaseUrl?: string }} SourceConfig */
/** @typedef {{ change24hPct?: number, fundingRate?: number, openInterestUsd?: number, markPrice?: number, asOf?: number }} MarketFigures */
/**
 * What the page does with the data.
 * @typedef {object} Sink
 * @property {string} lastStatus
 * @property {(klines: Kline[], label: string, context?: { openInterest?: readonly OpenInterestPoint[] }, viewStart?: number, candleMs?: number) => void} history klines include the model's warm-up before `viewStart`, the first bar to show; with `candleMs` they are finer than the candles, which are made from them
 * @property {(kline: Kline) => void} kline
 * @property {(figures: MarketFigures) => void} market
 * @property {(kind: 'live' | 'error' | 'loading' | 'replay', text: string) => void} status
 * @property {(text: string) => void} progress
 * @property {(info: ReplayInfo) => void} replay the replayed data is known (before its history)
 * @property {(state: ReplayState, position: { bar: number, bars: number }) => void} replayState
 */
/**
 * What is replayed: the server's label, the recording's name, the interval it was made from, whether generated.
 * @typedef {{ label: string, file: string | null, derivedFrom: string | null, synthetic: boolean }} ReplayInfo
 */
/** @typedef {import('./replay-player.js').ReplayPlayer} ReplayPlayer */
/** @typedef {import('./replay-player.js').ReplayState} ReplayState */
/** @typedef {{ stop: () => void, player?: ReplayPlayer }} Source */
/** @typedef {{ kind?: string, status?: number, code?: number, detail?: string, message?: string } | null | undefined} FailureLike */

const QUERY = new URLSearchParams(location.search);
/** Replay pace per tick in ms at 1x: `?tick=N` in the URL (0 starts paused, for screenshots and tests). */
const REPLAY_TICK_MS = Number(QUERY.get('tick') ?? 400);
/** Generated bars instead of a market: only when the URL says `?demo=synthetic`. */
export const SYNTHETIC = QUERY.get('demo') === 'synthetic';

/** Thrown when the server has no recording of the symbol and interval: the page shows an empty state. */
export class NoRecordingError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'NoRecordingError';
  }
}
const REPLAY_LIVE_BARS = 60;

/** The bundle's API: dist/index.umd.js sets `window.LiqHeatmap`. */
function liqHeatmap() {
  return /** @type {{ LiqHeatmap: LiqHeatmapApi }} */ (/** @type {unknown} */ (window)).LiqHeatmap;
}

/**
 * Why live data failed, in the words the status line shows.
 * @param {unknown} failure
 */
export function describeFailure(failure) {
  const error = /** @type {FailureLike} */ (failure);
  const kind = error && error.kind;
  if (kind === 'restricted') return 'Binance refuses service from this location (HTTP 451)';
  if (kind === 'banned') return 'Binance has banned this IP for now (HTTP 418)';
  if (kind === 'rate-limited') return 'Binance rate limit reached (HTTP 429)';
  if (error && error.status === 502) return 'Binance could not be reached from the demo server';
  if (kind === 'network') return 'Binance could not be reached (network)';
  if (error && kind === 'binance') return `Binance error ${error.code}: ${error.detail}`;
  return `Binance request failed: ${error && error.message ? error.message : String(error)}`;
}

/**
 * Loads history and starts updates; `config` is the server's `/api/config` (`mode`, `wsBaseUrl`).
 * `sink` gets `history(klines, label, context)`, `kline(k)`, `market(m)`, `status(kind, text)`,
 * `progress(text)`. Returns `{ stop }`.
 * @param {SourceState} state
 * @param {SourceConfig} config
 * @param {Sink} sink
 * @param {AbortSignal} signal
 * @returns {Promise<Source>}
 */
export async function openSource(state, config, sink, signal) {
  if (config.mode === 'live' && !SYNTHETIC) {
    try {
      return await openLive(state, config, sink, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      if (/** @type {FailureLike} */ (error)?.kind === 'binance') {
        sink.status('error', `${describeFailure(error)} (${state.symbol} ${state.interval})`);
        throw error;
      }
      sink.status('error', `${describeFailure(error)}: showing replayed data instead`);
      return openReplay(state, sink, signal, true);
    }
  }
  return openReplay(state, sink, signal, false);
}

/**
 * @param {SourceState} state
 * @param {SourceConfig} config
 * @param {Sink} sink
 * @param {AbortSignal} signal
 * @returns {Promise<Source>}
 */
async function openLive(state, config, sink, signal) {
  const { BinanceSession, intervalToMs, historyNeededMs, DEFAULT_TIERS, modelIntervalFor, isBinanceInterval } = liqHeatmap();
  const intervalMs = intervalToMs(state.interval);
  // The model runs on 15m klines under 15m-1d charts, so switching between those intervals keeps the levels of the moment.
  const modelInterval = isBinanceInterval(state.interval) ? modelIntervalFor(state.interval) : state.interval;
  const candleMs = modelInterval === state.interval ? undefined : intervalMs;
  const startTime = Date.now() - barsFor(state.range, intervalMs) * intervalMs;
  // The model reads its warm-up before the first candle shown: the levels at a bar do not depend on the range picked.
  const warmupMs = historyNeededMs(DEFAULT_TIERS);
  // Open-interest history is asked for while the klines page in, so the model is built once, in USD.
  const session = new BinanceSession({
    symbol: state.symbol,
    interval: modelInterval,
    startTime,
    warmupMs,
    openInterest: oiPeriod(modelInterval),
    restBaseUrl: `${location.origin}/api/binance`,
    wsBaseUrl: config.wsBaseUrl || undefined,
    // One retry: the demo server answers 502 at once when Binance is unreachable, and the page should fall back fast.
    retries: 1,
    onProgress: (p) => sink.progress(`pages ${p.pagesDone} of ${p.pagesTotal}, ${p.bars} bars`),
    signal,
  });
  sink.status('loading', `loading ${state.symbol} ${state.interval} from Binance…`);
  const figures = loadMarket(session.rest, state, signal);
  const { klines, openInterest, viewStart } = await session.loadHistory();
  // The last page was parsed in this task; hand the history over in the next one.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (signal.aborted) throw signal.reason;
  const label = `Binance ${state.symbol} ${state.interval}${candleMs ? ` (model on ${modelInterval} klines)` : ''}`;
  sink.history(klines, label, openInterest ? { openInterest } : {}, viewStart, candleMs);
  // Applied only now that the history is live: after a failed load the page shows replayed figures instead.
  figures.then((f) => !signal.aborted && sink.market(f));
  session.startLive({
    onKline: (k) => sink.kline(k),
    onMarkPrice: (m) => sink.market({ markPrice: m.markPrice, fundingRate: m.fundingRate, asOf: m.time }),
    onStatus: (s) => {
      if (s.state === 'open') sink.status('live', `live: ${label}`);
      else if (s.state === 'reconnecting') sink.status('error', `live connection lost (${s.reason}); reconnecting in ${Math.round(s.inMs / 1000)} s`);
      else if (s.state === 'error') sink.status('error', `live: ${s.error.message}`);
    },
  });
  sink.status('live', `live: ${label}`);
  return { stop: () => session.stop() };
}

/**
 * Asks for the ticker, premium index and open interest at once: the market figures for the panel.
 * @param {BinanceRestClient} rest
 * @param {SourceState} state
 * @param {AbortSignal} signal
 * @returns {Promise<MarketFigures>}
 */
function loadMarket(rest, state, signal) {
  /** @type {<T>(promise: Promise<T>) => Promise<T | undefined>} */
  const settle = (promise) => promise.then((v) => v, () => undefined);
  return Promise.all([
    settle(rest.ticker24h(state.symbol, { signal })),
    settle(rest.premiumIndex(state.symbol, { signal })),
    settle(rest.openInterest(state.symbol, { signal })),
  ]).then(([ticker, premium, oi]) => ({
    change24hPct: ticker?.priceChangePercent,
    fundingRate: premium?.lastFundingRate,
    openInterestUsd: oi && premium ? oi.openInterest * premium.markPrice : undefined,
    asOf: premium?.time,
  }));
}

/**
 * The open-interest period for a kline interval: the same when Binance has it, else daily.
 * @param {string} interval
 * @returns {import('../../src/binance/rest-validate').OpenInterestPeriod}
 */
function oiPeriod(interval) {
  const periods = /** @type {const} */ (['5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d']);
  return periods.find((p) => p === interval) ?? '1d';
}

/**
 * @param {SourceState} state
 * @param {Sink} sink
 * @param {AbortSignal} signal
 * @param {boolean} fellBack true when live data failed and replay stands in for it
 * @returns {Promise<Source>}
 */
async function openReplay(state, sink, signal, fellBack) {
  const { intervalToMs, isBinanceInterval } = liqHeatmap();
  // Only the bars the page shows, with the model's warm-up before them: a recording can hold years.
  const asked = replayBars(state.range, isBinanceInterval(state.interval) ? intervalToMs(state.interval) : 3_600_000);
  const needed = asked.shown + asked.warmup;
  const query = `symbol=${encodeURIComponent(state.symbol)}&interval=${encodeURIComponent(state.interval)}&bars=${needed}${SYNTHETIC ? '&synthetic=1' : ''}`;
  const response = await fetch(`/api/replay?${query}`, { signal });
  if (response.status === 404) throw new NoRecordingError((await response.json()).msg ?? `no recorded data for ${state.symbol} ${state.interval} offline`);
  if (!response.ok) throw new Error(`replay data: HTTP ${response.status}`);
  const body = await response.json();
  sink.replay({ label: body.label, file: body.file ?? null, derivedFrom: body.derivedFrom ?? null, synthetic: body.synthetic === true });
  const all = await parseInSlices(body.rows, signal);
  const intervalMs = Number(body.intervalMs) || 3_600_000;
  const bars = replayBars(state.range, intervalMs);
  const wanted = Math.min(all.length, bars.shown);
  const shown = all.slice(all.length - wanted);
  const live = Math.min(REPLAY_LIVE_BARS, Math.floor(shown.length / 3));
  // The model also reads the recording's bars of its warm-up before the first candle shown, as live.
  const history = all.slice(Math.max(0, all.length - wanted - bars.warmup), all.length - live);
  const viewStart = shown[0].openTime;
  const prefix = fellBack ? `${statusPrefix(sink)}` : '';
  const kind = fellBack ? 'error' : 'replay';
  const showHistory = () => {
    sink.history(history, body.label, {}, viewStart);
    // Every label says what it is ("replay of …", "SYNTHETIC … not market data").
    sink.status(kind, `${prefix}${body.label}`);
    const last = history[history.length - 1];
    sink.market({ asOf: last.openTime + intervalMs });
  };
  showHistory();
  const player = createReplayPlayer(all.slice(all.length - live), {
    baseTickMs: REPLAY_TICK_MS > 0 ? REPLAY_TICK_MS : 400,
    paused: !(REPLAY_TICK_MS > 0),
    onKline: (k) => {
      sink.kline(k);
      if (k.closed) sink.market({ asOf: k.openTime + intervalMs });
    },
    onRestart: showHistory,
    onEnd: () => sink.status(kind, `${prefix}replay finished: ${body.label}`),
    onState: (s, position) => sink.replayState(s, position),
  });
  sink.replayState(player.state(), player.position());
  signal.addEventListener('abort', player.stop, { once: true });
  return { stop: player.stop, player };
}

/**
 * Bars of a replay at `intervalMs`: those shown for `range` (with the bars replayed as live) and the
 * model's warm-up before them.
 * @param {string} range
 * @param {number} intervalMs
 */
function replayBars(range, intervalMs) {
  const { historyNeededMs, DEFAULT_TIERS } = liqHeatmap();
  return { shown: barsFor(range, intervalMs) + REPLAY_LIVE_BARS, warmup: Math.ceil(historyNeededMs(DEFAULT_TIERS) / intervalMs) };
}

/** Rows parsed per slice: a 4-month 5m recording in one go would hold the main thread for over 100 ms. */
const PARSE_SLICE_ROWS = 4000;

/**
 * REST kline rows as klines, parsed in slices with the browser let in between.
 * @param {unknown[]} rows
 * @param {AbortSignal} signal
 * @returns {Promise<Kline[]>}
 */
async function parseInSlices(rows, signal) {
  /** @type {Kline[]} */
  const all = [];
  for (let start = 0; start < rows.length; start += PARSE_SLICE_ROWS) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal.aborted) throw signal.reason;
    const series = liqHeatmap().parseKlines(rows.slice(start, start + PARSE_SLICE_ROWS), { source: `replay (rows from ${start + 1})` });
    for (let i = 0; i < series.length; i++) all.push(klineAt(series, i));
  }
  return all;
}

/** @param {Sink} sink */
function statusPrefix(sink) {
  return sink.lastStatus ? `${sink.lastStatus.replace(/: showing replayed data instead$/, '')}. ` : '';
}

/**
 * @param {KlineSeries} series
 * @param {number} i
 * @returns {Kline}
 */
function klineAt(series, i) {
  /** @type {Kline} */
  const k = { openTime: series.openTime[i], open: series.open[i], high: series.high[i], low: series.low[i], close: series.close[i], volume: series.volume[i] };
  if (!Number.isNaN(series.quoteVolume[i])) k.quoteVolume = series.quoteVolume[i];
  if (!Number.isNaN(series.takerBuyBase[i])) k.takerBuyBase = series.takerBuyBase[i];
  return k;
}

export { rangeOf };
