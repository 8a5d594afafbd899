import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/browser/static-server.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The policy sent with every HTML response: no inline script, no eval. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'";

/** URL prefix -> directory. */
const MOUNTS: Readonly<Record<string, string>> = {
  '/dist/': resolve(REPO_ROOT, 'dist'),
  '/vendor/': resolve(REPO_ROOT, 'node_modules/lightweight-charts/dist'),
  '/fixtures/': resolve(REPO_ROOT, 'test/browser/fixtures'),
};

const TYPES: Readonly<Record<string, string>> = {
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
};

/** Content type for a path by its extension (text/plain when unknown). */
export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'text/plain; charset=utf-8';
}

export interface StaticServer {
  /** Origin, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** Serves `body` at `path` (exact pathname, query ignored); re-registering replaces it. */
  route(path: string, body: string | Uint8Array, type?: string): void;
  /** Every request's `METHOD pathname status`, in order (for debugging a failing test). */
  log: string[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server for browser tests: `/dist/*` (the built bundles; `npm test` builds first),
 * `/vendor/*` (lightweight-charts' dist, e.g. `lightweight-charts.standalone.production.js`),
 * `/fixtures/*` (test/browser/fixtures) and in-memory routes. HTML gets {@link STRICT_CSP}.
 */
export async function startStaticServer(): Promise<StaticServer> {
  const routes = new Map<string, { body: Uint8Array; type: string }>();
  const log: string[] = [];

  const send = (req: IncomingMessage, res: ServerResponse, status: number, body: Uint8Array | string, type: string) => {
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = STRICT_CSP;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, 'method not allowed\n', 'text/plain; charset=utf-8');
      return 405;
    }
    let pathname: string;
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
      (error: unknown) => {
        log.push(`${req.method} ${req.url} 500`);
        if (!res.headersSent) send(req, res, 500, `${String(error)}\n`, 'text/plain; charset=utf-8');
        else res.destroy();
      },
    );
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    route(path, body, type) {
      if (!path.startsWith('/')) throw new Error(`route path must start with '/': ${path}`);
      routes.set(path, { body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body, type: type ?? contentType(path) });
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
