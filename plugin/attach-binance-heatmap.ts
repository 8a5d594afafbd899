import type { ISeriesApi, SeriesType, Time, UTCTimestamp } from 'lightweight-charts';
import { BinanceLiveFeed } from '../src/binance/live-feed';
import type { LiveFeedStatus, WebSocketFactory } from '../src/binance/live-feed-types';
import { BinanceRestClient } from '../src/binance/rest-client';
import type { KlineRangeProgress } from '../src/binance/rest-kline-range';
import type { FetchLike } from '../src/binance/rest-options';
import { OPEN_INTEREST_PERIODS } from '../src/binance/rest-validate';
import type { Kline } from '../src/klines/kline';
import { defaultMmr } from '../src/model/liquidation-price';
import { createLiquidationHeatmap, type LiquidationHeatmap } from './create-liquidation-heatmap';
import type { HeatmapOptionsPatch } from './heatmap-options';

/** Options of {@link attachBinanceHeatmap}: where the data comes from, plus any overlay option. */
export interface BinanceHeatmapOptions extends HeatmapOptionsPatch {
  /** USDⓈ-M perpetual, e.g. `'BTCUSDT'`. */
  symbol: string;
  /** Binance interval, e.g. `'1h'`; the series' bars must be of this interval. */
  interval: string;
  /** History to load: `'12h'`, `'7d'`, `'6M'` or ms. Default `'7d'`. */
  lookback?: string | number;
  /** Also set and update the series' candles from Binance (default true); false when the page feeds its own. */
  feedCandles?: boolean;
  /** Fetch open-interest history so sizes are estimated USD (default true; best effort). */
  openInterest?: boolean;
  /** REST base URL (a proxy, a test server). Default `https://fapi.binance.com`. */
  restBaseUrl?: string;
  /** Websocket base URL. Default `wss://fstream.binance.com`. */
  wsBaseUrl?: string;
  fetch?: FetchLike;
  WebSocket?: WebSocketFactory;
  /** Paging progress of the history download. */
  onProgress?: (progress: KlineRangeProgress) => void;
  /** Live feed status changes (connecting, open, reconnecting, …) and load failures. */
  onStatus?: (status: LiveFeedStatus | { state: 'loaded'; bars: number }) => void;
  /** Every kline applied (after the overlay and, with `feedCandles`, the series took it). */
  onKline?: (kline: Kline) => void;
}

/** A live Binance-fed overlay. */
export interface BinanceHeatmap {
  heatmap: LiquidationHeatmap;
  /** Resolves when history is drawn and the live feed started; rejects with a `BinanceError` if loading failed. */
  ready: Promise<void>;
  /** Stops the live feed (the overlay stays with its last data). */
  stop(): void;
  /** Stops the feed and removes the overlay. */
  detach(): void;
}

/**
 * One call from a series to a live liquidation overlay: loads `lookback` of klines from Binance REST
 * (paged), scales by open interest when available, then follows the kline websocket, updating only
 * the forming bar per tick and re-fetching missed bars after reconnects.
 *
 * ```js
 * const live = attachBinanceHeatmap(candles, { symbol: 'BTCUSDT', interval: '15m', lookback: '3d' });
 * await live.ready;
 * live.heatmap.levels();
 * ```
 */
export function attachBinanceHeatmap(series: ISeriesApi<SeriesType, Time>, options: BinanceHeatmapOptions): BinanceHeatmap {
  const { symbol, interval, lookback = '7d', feedCandles = true, openInterest = true, restBaseUrl, wsBaseUrl, onProgress, onStatus, onKline, ...overlay } = options;
  const heatmap = createLiquidationHeatmap(series, { ...overlay, model: { mmr: defaultMmr(symbol), ...overlay.model } });
  const rest = new BinanceRestClient({ baseUrl: restBaseUrl, fetch: options.fetch });
  const controller = new AbortController();
  const { signal } = controller;
  let feed: BinanceLiveFeed | null = null;
  const candle = (k: Kline) => ({ time: (k.openTime / 1000) as UTCTimestamp, open: k.open, high: k.high, low: k.low, close: k.close });
  const apply = (k: Kline) => {
    if (feedCandles) series.update(candle(k) as never);
    heatmap.update(k);
    onKline?.(k);
  };

  const ready = (async () => {
    const { klines } = await rest.klinesLookback({ symbol, interval, lookback, onProgress, signal });
    if (feedCandles) series.setData(klines.map(candle) as never);
    await heatmap.setDataAsync(klines);
    if (openInterest && (OPEN_INTEREST_PERIODS as readonly string[]).includes(interval)) {
      const points = await rest.openInterestHist({ symbol, period: interval as (typeof OPEN_INTEREST_PERIODS)[number], limit: 500, signal }).catch(() => null);
      if (points && points.length) await heatmap.setOpenInterest(points);
    }
    if (signal.aborted) return;
    onStatus?.({ state: 'loaded', bars: klines.length });
    feed = new BinanceLiveFeed({
      symbol,
      interval,
      wsBaseUrl,
      WebSocket: options.WebSocket,
      since: klines.length ? klines[klines.length - 1].openTime : undefined,
      fetchKlines: (from, to, s) => rest.klinesRange({ symbol, interval, startTime: from, endTime: to, signal: s }).then((r) => r.klines),
      onKline: apply,
      onStatus,
      signal,
    });
    feed.start();
  })();

  const stop = () => {
    controller.abort(new Error('stopped'));
    feed?.stop();
  };
  return {
    heatmap,
    ready,
    stop,
    detach: () => {
      stop();
      heatmap.detach();
    },
  };
}
