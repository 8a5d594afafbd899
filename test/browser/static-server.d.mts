// Types of static-server.mjs (plain Node ESM, also imported by the render benchmark) for the TypeScript tests.

/** The repository root. */
export const REPO_ROOT: string;

/** The policy sent with every HTML response: no inline script, no eval. */
export const STRICT_CSP: string;

/** URL prefix to the directory served under it (`/dist/`, `/vendor/`, `/fixtures/`, `/bench/`). */
export const MOUNTS: Readonly<Record<string, string>>;

/** Content type for a path by its extension (text/plain when unknown). */
export function contentType(path: string): string;

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /**
   * Send `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp` with
   * HTML, so pages are cross-origin isolated (fine `performance.now()`). Default false.
   */
  crossOriginIsolated?: boolean;
}

/** A running {@link startStaticServer}. */
export interface StaticServer {
  /** Origin, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** Serves `body` at `path` (exact pathname, query ignored); re-registering replaces it. */
  route(path: string, body: string | Uint8Array, type?: string): void;
  /** Every request's `METHOD pathname status`, in order. */
  log: string[];
  close(): Promise<void>;
}

/** A loopback HTTP server over {@link MOUNTS} and in-memory routes; HTML gets {@link STRICT_CSP}. */
export function startStaticServer(options?: StaticServerOptions): Promise<StaticServer>;
