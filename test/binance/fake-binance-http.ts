import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Kline } from '../../src/klines/kline';
import { intervalToMs, isBinanceInterval } from '../../src/klines/interval';
import { parseKlineCsv } from '../../src/klines/parse-csv';
import { klinesWeight } from '../../src/binance/rest-weight';

/**
 * A small Binance USDⓈ-M REST server on 127.0.0.1 (port 0) for the client's tests. It serves the
 * real recorded bodies in `../shared/data/binance/rest/` byte for byte, klines in REST row format
 * from registered series (real CSVs or synthetic), honours `startTime`/`endTime`/`limit` like Binance,
 * counts request weight per minute in `X-MBX-USED-WEIGHT-1M` (answering 429 past 2400), and lets a
 * test script faults per request.
 */

/** `../shared/data/binance/` beside the project. */
export const SHARED_DATA = new URL('../../../shared/data/binance/', import.meta.url);
const LOCAL_FIXTURES = new URL('./fixtures/', import.meta.url);

/** What to do to one request instead of (or on top of) the normal answer. */
export interface Fault {
  /** Only requests to this path take the fault (others pass it by). Default: the next request. */
  path?: string;
  /** Status to answer with; default the normal one, or 200 when `body` is given. */
  status?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Body to send instead of the normal one. */
  body?: string;
  /** Send only this many bytes of the body (Content-Length announces all of it), then destroy the socket. */
  truncateAt?: number;
  /** Destroy the socket without answering. */
  destroy?: boolean;
  /** Wait this long before answering (real time). */
  delayMs?: number;
  /** Klines only: serve from this many bars before `startTime` (an overlapping page). */
  rewindBars?: number;
}

/** A request the server received. */
export interface RecordedRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

/** A kline series to serve: REST rows by open time. */
interface KlineSet {
  rows: readonly (readonly unknown[])[];
}

const WEIGHT_LIMIT = 2400;

export class FakeBinance {
  /** Requests received, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Weight used in the current minute (of `now`); settable by tests. */
  usedWeight = 0;
  /** Highest weight the server counted in any minute. */
  maxWeightSeen = 0;

  private readonly faults: Fault[] = [];
  private readonly klines = new Map<string, KlineSet>();
  private readonly bodies = new Map<string, string>();
  private minute = Number.NaN;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly now: () => number,
  ) {}

  /** Starts a server on 127.0.0.1 with a free port. `now` drives the weight minute (default `Date.now`). */
  static async start(options: { now?: () => number } = {}): Promise<FakeBinance> {
    let fake: FakeBinance | undefined;
    const server = createServer((req, res) => fake?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeBinance(server, `http://127.0.0.1:${port}`, options.now ?? Date.now);
    return fake;
  }

  /** Queues faults, consumed one per matching request. */
  fault(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  /** Serves `klines` (or raw REST rows) for `symbol` and `interval`. */
  setKlines(symbol: string, interval: string, klines: readonly Kline[] | readonly (readonly unknown[])[]): void {
    const rows = klines.map((k) => (Array.isArray(k) ? (k as readonly unknown[]) : restRow(k as Kline, intervalToMs(interval))));
    this.klines.set(`${symbol} ${interval}`, { rows });
  }

  /** Serves `body` (JSON text) at `path`, e.g. a recorded `/fapi/v1/premiumIndex` body. */
  setBody(path: string, body: string): void {
    this.bodies.set(path, body);
  }

  /** Requests made to `path`. */
  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    this.requests.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    const index = this.faults.findIndex((f) => f.path === undefined || f.path === url.pathname);
    const fault = index >= 0 ? this.faults.splice(index, 1)[0] : {};
    const answer = () => {
      if (res.destroyed) return;
      if (fault.destroy) {
        req.socket.destroy();
        return;
      }
      const normal = this.route(url, fault);
      const status = fault.status ?? (fault.body !== undefined ? 200 : normal.status);
      const body = fault.body ?? normal.body;
      const headers: Record<string, string> = { 'content-type': 'application/json', ...normal.headers, ...fault.headers };
      if (fault.truncateAt !== undefined) {
        res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
        res.write(Buffer.from(body).subarray(0, fault.truncateAt), () => res.socket?.destroy());
        return;
      }
      res.writeHead(status, headers);
      res.end(body);
    };
    if (fault.delayMs) setTimeout(answer, fault.delayMs);
    else answer();
  }

  private route(url: URL, fault: Fault): { status: number; body: string; headers: Record<string, string> } {
    const q = url.searchParams;
    const weight = endpointWeight(url.pathname, q);
    const headers: Record<string, string> = {};
    if (weight > 0) {
      this.rollMinute();
      if (this.usedWeight + weight > WEIGHT_LIMIT) {
        const body = '{"code":-1003,"msg":"Too many requests; current limit of IP is 2400 requests per minute."}';
        return { status: 429, body, headers: { 'retry-after': '5', 'x-mbx-used-weight-1m': String(this.usedWeight) } };
      }
      this.usedWeight += weight;
      this.maxWeightSeen = Math.max(this.maxWeightSeen, this.usedWeight);
      headers['x-mbx-used-weight-1m'] = String(this.usedWeight);
    }
    const fixed = this.bodies.get(url.pathname);
    if (url.pathname === '/fapi/v1/klines') return { ...this.klinesBody(q, fault), headers };
    if (fixed === undefined) return { status: 404, body: '<html><body><h1>404 Not Found</h1></body></html>', headers: { 'content-type': 'text/html' } };
    const symbol = q.get('symbol');
    const served = symbolOf(fixed);
    if (symbol !== null && served !== undefined && symbol !== served) return { ...invalidSymbol(), headers };
    if (url.pathname === '/futures/data/openInterestHist') return { status: 200, body: limitRows(fixed, q.get('limit')), headers };
    return { status: 200, body: fixed, headers };
  }

  private klinesBody(q: URLSearchParams, fault: Fault): { status: number; body: string } {
    const interval = q.get('interval') ?? '';
    if (!isBinanceInterval(interval)) return { status: 400, body: '{"code":-1120,"msg":"Invalid interval."}' };
    const set = this.klines.get(`${q.get('symbol')} ${interval}`);
    if (set === undefined) return invalidSymbol();
    const limit = Number(q.get('limit') ?? 500);
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= 1500)) {
      return { status: 400, body: `{"code":-1130,"msg":"Data sent for parameter 'limit' is not valid."}` };
    }
    const start = q.has('startTime') ? Number(q.get('startTime')) : undefined;
    const end = q.has('endTime') ? Number(q.get('endTime')) : undefined;
    const rows = set.rows.filter((row) => end === undefined || Number(row[0]) <= end);
    let from: number;
    if (start === undefined) from = Math.max(0, rows.length - limit);
    else {
      from = rows.findIndex((row) => Number(row[0]) >= start);
      if (from < 0) from = rows.length;
      from = Math.max(0, from - (fault.rewindBars ?? 0));
    }
    return { status: 200, body: JSON.stringify(rows.slice(from, from + limit)) };
  }

  private rollMinute(): void {
    const minute = Math.floor(this.now() / 60_000);
    if (minute !== this.minute) {
      if (!Number.isNaN(this.minute)) this.usedWeight = 0;
      this.minute = minute;
    }
  }
}

/** Binance's weight for the endpoints served (`/futures/data` is limited separately: 0). */
function endpointWeight(path: string, q: URLSearchParams): number {
  if (path === '/fapi/v1/klines') return klinesWeight(Number(q.get('limit') ?? 500));
  if (path.startsWith('/futures/data/')) return 0;
  return 1;
}

/** A kline as a Binance REST row: 12 values when it has all fields, else the 7 it has (to `closeTime`). */
export function restRow(k: Kline, intervalMs: number): unknown[] {
  const closeTime = k.closeTime ?? k.openTime + intervalMs - 1;
  const row: unknown[] = [k.openTime, ...[k.open, k.high, k.low, k.close, k.volume].map(String), closeTime];
  const { quoteVolume, takerBuyBase, takerBuyQuote, trades } = k;
  if (quoteVolume !== undefined && takerBuyBase !== undefined && takerBuyQuote !== undefined && trades !== undefined) {
    row.push(String(quoteVolume), trades, String(takerBuyBase), String(takerBuyQuote), '0');
  }
  return row;
}

function symbolOf(body: string): string | undefined {
  const value: unknown = JSON.parse(body);
  const record = Array.isArray(value) ? value[0] : value;
  return typeof record === 'object' && record !== null && typeof record.symbol === 'string' ? record.symbol : undefined;
}

function limitRows(body: string, limit: string | null): string {
  const rows = JSON.parse(body) as unknown[];
  return limit === null || Number(limit) >= rows.length ? body : JSON.stringify(rows.slice(-Number(limit)));
}

function invalidSymbol(): { status: number; body: string } {
  return { status: 400, body: errorBody(-1121) ?? '{"code":-1121,"msg":"Invalid symbol."}' };
}

/** Whether `../shared/data/binance/` is there; warns (once per call site) when it is not. */
export function sharedDataPresent(what: string): boolean {
  const present = existsSync(fileURLToPath(SHARED_DATA));
  if (!present) console.warn(`${what} skipped: ${fileURLToPath(SHARED_DATA)} is absent (real data lives in ../shared beside the project)`);
  return present;
}

/** Text of a file under `../shared/data/binance/`, or undefined when absent. */
export function sharedText(relative: string): string | undefined {
  const path = fileURLToPath(new URL(relative, SHARED_DATA));
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** A recorded REST body from `rest/nautilus_fixtures/`, byte for byte. */
export function recordedBody(name: string): string | undefined {
  return sharedText(`rest/nautilus_fixtures/${name}`);
}

/** The recorded error body with `code` from `rest/binance_error_bodies_from_nautilus_tests.json`. */
export function errorBody(code: number): string | undefined {
  const text = sharedText('rest/binance_error_bodies_from_nautilus_tests.json');
  if (text === undefined) return undefined;
  const { errors } = JSON.parse(text) as { errors: { code: number; body: string }[] };
  return errors.find((e) => e.code === code)?.body;
}

/** A body from `test/binance/fixtures/` (endpoints with no recording in ../shared). */
export function localFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(name, LOCAL_FIXTURES)), 'utf8');
}

/** Klines of a CSV under `../shared/data/binance/klines/`, or undefined when absent. */
export function sharedCsvKlines(name: string): Kline[] | undefined {
  const text = sharedText(`klines/${name}`);
  return text === undefined ? undefined : parseKlineCsv(text, { source: name });
}
