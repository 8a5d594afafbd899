// @ts-check
/**
 * A loopback static HTTP server for the real-browser tests (test/browser) and the render benchmark
 * (bench/render-bench.mjs). Plain Node ESM with JSDoc types so both can import it.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/** The repository root (this file is test/browser/static-server.mjs). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The policy sent with every HTML response: no inline script, no eval. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'";

/**
 * URL prefix -> directory.
 * @type {Readonly<Record<string, string>>}
 */
export const MOUNTS = Object.freeze({
  '/dist/': resolve(REPO_ROOT, 'dist'),
  '/vendor/': resolve(REPO_ROOT, 'node_modules/lightweight-charts/dist'),
  '/fixtures/': resolve(REPO_ROOT, 'test/browser/fixtures'),
  '/bench/': resolve(REPO_ROOT, 'bench/render'),
});

/** @type {Readonly<Record<string, string>>} */
const TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
});

/**
 * Content type for a path by its extension (text/plain when unknown).
 * @param {string} path
 * @returns {string}
 */
export function contentType(path) {
  return TYPES[extname(path).toLowerCase()] ?? 'text/plain; charset=utf-8';
}

/**
 * @typedef {object} StaticServerOptions
 * @property {boolean} [crossOriginIsolated] Send `Cross-Origin-Opener-Policy: same-origin` and
 *   `Cross-Origin-Embedder-Policy: require-corp` with HTML, so pages are cross-origin isolated and
 *   `performance.now()` has Chromium's fine (5 µs) resolution instead of 100 µs (the render benchmark).
 *   Default false.
 */

/**
 * @typedef {object} StaticServer
 * @property {string} url Origin, e.g. `http://127.0.0.1:41234` (no trailing slash).
 * @property {(path: string, body: string | Uint8Array, type?: string) => void} route
 *   Serves `body` at `path` (exact pathname, query ignored); re-registering replaces it.
 * @property {string[]} log Every request's `METHOD pathname status`, in order (for debugging a failing test).
 * @property {() => Promise<void>} close
 */

/**
 * A loopback HTTP server: `/dist/*` (the built bundles; `npm test` and `npm run bench` build first),
 * `/vendor/*` (lightweight-charts' dist, e.g. `lightweight-charts.standalone.production.js`),
 * `/fixtures/*` (test/browser/fixtures), `/bench/*` (bench/render, the render benchmark's page) and
 * in-memory routes. HTML gets {@link STRICT_CSP}.
 * @param {StaticServerOptions} [options]
 * @returns {Promise<StaticServer>}
 */
export async function startStaticServer(options = {}) {
  const isolate = options.crossOriginIsolated === true;
  /** @type {Map<string, { body: Uint8Array; type: string }>} */
  const routes = new Map();
  /** @type {string[]} */
  const log = [];

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {number} status
   * @param {Uint8Array | string} body
   * @param {string} type
   */
  const send = (req, res, status, body, type) => {
    /** @type {Record<string, string | number>} */
    const headers = {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = STRICT_CSP;
      if (isolate) {
        headers['Cross-Origin-Opener-Policy'] = 'same-origin';
        headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
      }
    }
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @returns {Promise<number>} the status sent
   */
  const handle = async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, 'method not allowed\n', 'text/plain; charset=utf-8');
      return 405;
    }
    /** @type {string} */
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      send(req, res, 400, 'bad request\n', 'text/plain; charset=utf-8');
      return 400;
    }
    const routed = routes.get(pathname);
    if (routed) {
      send(req, res, 200, routed.body, routed.type);
      return 200;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return 204;
    }
    for (const [prefix, dir] of Object.entries(MOUNTS)) {
      if (!pathname.startsWith(prefix)) continue;
      const file = resolve(dir, '.' + pathname.slice(prefix.length - 1));
      if (!file.startsWith(dir + sep)) break; // traversal out of the mount
      try {
        if (!(await stat(file)).isFile()) break;
        send(req, res, 200, await readFile(file), contentType(file));
        return 200;
      } catch {
        break;
      }
    }
    send(req, res, 404, `not found: ${pathname}\n`, 'text/plain; charset=utf-8');
    return 404;
  };

  const server = createServer((req, res) => {
    handle(req, res).then(
      (status) => log.push(`${req.method} ${req.url} ${status}`),
      (error) => {
        log.push(`${req.method} ${req.url} 500`);
        if (!res.headersSent) send(req, res, 500, `${String(error)}\n`, 'text/plain; charset=utf-8');
        else res.destroy();
      },
    );
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen(undefined));
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    route(path, body, type) {
      if (!path.startsWith('/')) throw new Error(`route path must start with '/': ${path}`);
      routes.set(path, { body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body, type: type ?? contentType(path) });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolveClose) => server.close(() => resolveClose(undefined)));
    },
  };
}
