import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { intervalToMs } from '../../src/klines/interval';
import type { Kline } from '../../src/klines/kline';
import { parseKlineCsv } from '../../src/klines/parse-csv';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { sharedFile } from '../helpers/shared-data';

/**
 * The truth the fake market replays: real ETHUSDT perpetual 1m klines from `../shared/data/binance/`,
 * or (when `../shared` is absent, with a warning) a synthetic 1m series.
 */
export function truthKlines(count: number): { bars: Kline[]; interval: string; real: boolean } {
  const csv = sharedFile('klines/ETHUSDT-PERP_1m_astral.csv', 'live feed tests on real ETHUSDT 1m klines');
  if (csv.present) {
    const bars = parseKlineCsv(readFileSync(csv.path, 'utf8'), { source: csv.path }).slice(0, count);
    if (bars.length === count) return { bars, interval: '1m', real: true };
  }
  return { bars: syntheticKlines(count, { intervalMs: 60_000, price: 2600 }), interval: '1m', real: false };
}

/** A recorded Binance `markPriceUpdate` event (the real one when `../shared` is present). */
export function markPriceTemplate(): Record<string, unknown> {
  const file = sharedFile('ws/nautilus_mark_price_stream.json', 'mark price template from the recorded stream');
  if (file.present) return JSON.parse(readFileSync(file.path, 'utf8')) as Record<string, unknown>;
  return { e: 'markPriceUpdate', E: 1562305380000, s: 'BTCUSDT', p: '11794.15000000', i: '11784.62659091', P: '11784.25641265', r: '0.00038167', T: 1562306400000 };
}

export interface FakeStreamOptions {
  symbol: string;
  interval: string;
  bars: Kline[];
  /** Messages per bar; the last one carries `x: true` with the bar's final values. Default 4. */
  ticksPerBar?: number;
}

/** A failure `fetchKlines` throws when told to (`failFetches`), with an optional `retryAfterMs`. */
export class FakeRestError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * A scriptable local Binance combined-stream server (real `ws` server on 127.0.0.1, random port) and the
 * REST view of the same market. The market is a clock of ticks over `bars`: tick `j` of bar `i` is a
 * partial bar, the last tick of a bar is the final bar with `x: true`. `fetchKlines` answers with the
 * truth up to the current tick (closed bars final, the current bar as it stands).
 */
export class FakeStream {
  /** Request URL (path and query) of every accepted websocket connection. */
  readonly urls: string[] = [];
  /** Request URLs refused because the path was not the expected `/market/stream?streams=...`. */
  readonly badPaths: string[] = [];
  /** Websocket connections accepted, refused (while `refusing`), and seen closing on the server. */
  accepted = 0;
  refused = 0;
  serverSawClose = 0;
  /** Close codes the server saw (1000 for a client's normal close, 1006 for a dropped connection). */
  readonly closeCodes: number[] = [];
  /** Refuse every websocket handshake with HTTP 503 while true. */
  refusing = false;
  /** Number of ticks emitted so far: the market clock. */
  emitted = 0;
  /** `fetchKlines` calls so far, with their arguments and the call time. */
  readonly fetches: { start: number; end: number; at: number }[] = [];
  /** Make the next N `fetchKlines` calls fail. */
  failFetches = 0;
  /** Retry-After the failing fetches report. */
  failRetryAfterMs: number | undefined;
  /** When set, `fetchKlines` waits for it before reading the market (a slow REST call). */
  fetchGate: Promise<void> | undefined;
  /** Signals received by `fetchKlines` calls. */
  readonly fetchSignals: AbortSignal[] = [];

  readonly expectedPath: string;
  readonly intervalMs: number;
  readonly ticksPerBar: number;
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });

  private constructor(
    private readonly http: Server,
    readonly baseUrl: string,
    readonly options: FakeStreamOptions,
  ) {
    const s = options.symbol.toLowerCase();
    this.expectedPath = `/market/stream?streams=${s}@kline_${options.interval}/${s}@markPrice@1s`;
    this.intervalMs = intervalToMs(options.interval);
    this.ticksPerBar = options.ticksPerBar ?? 4;
    http.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
  }

  static async start(options: FakeStreamOptions): Promise<FakeStream> {
    const http = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    return new FakeStream(http, `ws://127.0.0.1:${port}`, options);
  }

  get bars(): Kline[] {
    return this.options.bars;
  }

  /** Open websocket connections. */
  get clients(): number {
    return this.sockets.size;
  }

  /** Bar index and tick index of the last emitted tick (bar -1 before any). */
  get position(): { bar: number; tick: number } {
    if (this.emitted === 0) return { bar: -1, tick: -1 };
    return { bar: Math.floor((this.emitted - 1) / this.ticksPerBar), tick: (this.emitted - 1) % this.ticksPerBar };
  }

  /** The kline as it stands after tick `tick` of bar `bar` (the final bar on the last tick). */
  klineAt(bar: number, tick: number): Kline {
    const k = this.bars[bar];
    if (tick >= this.ticksPerBar - 1) return { ...k };
    const f = (tick + 1) / this.ticksPerBar;
    const close = k.open + (k.close - k.open) * f;
    const part = (v: number | undefined) => (v === undefined ? undefined : v * f);
    return {
      openTime: k.openTime,
      open: k.open,
      high: Math.max(k.open, close),
      low: Math.min(k.open, close),
      close,
      volume: k.volume * f,
      closeTime: k.closeTime,
      quoteVolume: part(k.quoteVolume),
      takerBuyBase: part(k.takerBuyBase),
      takerBuyQuote: part(k.takerBuyQuote),
      trades: k.trades === undefined ? undefined : Math.round(k.trades * f),
    };
  }

  /** The combined-stream message Binance sends for tick `tick` of bar `bar`. */
  klineMessage(bar: number, tick: number): string {
    const k = this.klineAt(bar, tick);
    const final = tick >= this.ticksPerBar - 1;
    const eventTime = final ? k.openTime + this.intervalMs : k.openTime + Math.round((this.intervalMs * (tick + 1)) / this.ticksPerBar) - 1;
    const s = this.options.symbol.toLowerCase();
    const body: Record<string, unknown> = {
      t: k.openTime,
      T: k.closeTime ?? k.openTime + this.intervalMs - 1,
      s: this.options.symbol.toUpperCase(),
      i: this.options.interval,
      f: 100,
      L: 200,
      o: String(k.open),
      c: String(k.close),
      h: String(k.high),
      l: String(k.low),
      v: String(k.volume),
      n: k.trades,
      x: final,
      q: k.quoteVolume === undefined ? undefined : String(k.quoteVolume),
      V: k.takerBuyBase === undefined ? undefined : String(k.takerBuyBase),
      Q: k.takerBuyQuote === undefined ? undefined : String(k.takerBuyQuote),
      B: '0',
    };
    return JSON.stringify({
      stream: `${s}@kline_${this.options.interval}`,
      data: { e: 'kline', E: eventTime, s: this.options.symbol.toUpperCase(), k: body },
    });
  }

  /** Advances the market by `count` ticks, sending each to the connected clients unless `send` is false. */
  advance(count = 1, send = true): void {
    for (let n = 0; n < count; n++) {
      if (this.emitted >= this.bars.length * this.ticksPerBar) throw new Error('fake market ran out of bars');
      this.emitted++;
      const { bar, tick } = this.position;
      if (send) this.send(this.klineMessage(bar, tick));
    }
  }

  /** Advances the market to just after tick `tick` of bar `bar`. */
  advanceTo(bar: number, tick: number, send = true): void {
    const target = bar * this.ticksPerBar + tick + 1;
    if (target < this.emitted) throw new Error('the fake market does not go back in time');
    this.advance(target - this.emitted, send);
  }

  /** Sends a mark-price update built from the recorded template. */
  sendMarkPrice(time: number, markPrice: string, fundingRate: string): void {
    const s = this.options.symbol.toLowerCase();
    const data = { ...markPriceTemplate(), E: time, s: this.options.symbol.toUpperCase(), p: markPrice, r: fundingRate };
    this.send(JSON.stringify({ stream: `${s}@markPrice@1s`, data }));
  }

  /** Sends raw text to every connected client. */
  send(text: string): void {
    for (const socket of this.sockets) if (socket.readyState === WebSocket.OPEN) socket.send(text);
  }

  /** Drops every connection abruptly (TCP reset, no close frame), as a network failure would. */
  drop(): void {
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
  }

  /** The REST view of the market: bars with open time in `[start, end]`, the current one as it stands. */
  readonly fetchKlines = async (start: number, end: number, signal: AbortSignal): Promise<Kline[]> => {
    this.fetches.push({ start, end, at: Date.now() });
    this.fetchSignals.push(signal);
    if (this.fetchGate) {
      const gate = this.fetchGate;
      await new Promise<void>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        void gate.then(resolve);
      });
    }
    if (signal.aborted) throw signal.reason;
    if (this.failFetches > 0) {
      this.failFetches--;
      throw new FakeRestError('HTTP 503 from the fake REST', this.failRetryAfterMs);
    }
    const { bar, tick } = this.position;
    const out: Kline[] = [];
    for (let i = 0; i <= bar; i++) {
      const k = i < bar ? { ...this.bars[i] } : this.klineAt(i, tick);
      if (k.openTime >= start && k.openTime <= end) out.push(k);
    }
    return out;
  };

  async close(): Promise<void> {
    this.drop();
    this.wss.close();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = req.url ?? '';
    if (url !== this.expectedPath) {
      this.badPaths.push(url);
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    if (this.refusing) {
      this.refused++;
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.accepted++;
      this.urls.push(url);
      this.sockets.add(ws);
      ws.on('close', (code) => {
        this.serverSawClose++;
        this.closeCodes.push(code);
        this.sockets.delete(ws);
      });
      ws.on('error', () => this.sockets.delete(ws));
    });
  }
}
