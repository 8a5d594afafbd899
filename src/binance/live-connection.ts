import type { WebSocketFactory, WebSocketLike } from './live-feed-types';
import type { Kline } from '../klines/kline';

/** What a {@link LiveConnection} reports to its owner. */
export interface LiveConnectionHandlers {
  open(connection: LiveConnection): void;
  message(connection: LiveConnection, data: unknown): void;
  /** The socket closed or failed; called at most once, never after {@link LiveConnection.close}. */
  down(connection: LiveConnection, reason: string): void;
}

const NOOP = (): void => {};

/**
 * One websocket of the live feed with the per-connection state: live klines waiting to be applied and
 * an abort signal for the REST calls made on its behalf. Once closed (by its owner or by the peer) its
 * socket can no longer reach the owner.
 */
export class LiveConnection {
  /** Live klines received and not yet applied (held while a resync runs). */
  readonly queue: { kline: Kline; eventTime: number }[] = [];
  /** True while a resync runs: live klines wait in {@link queue}. Starts true until the first resync. */
  busy = true;
  private readonly controller = new AbortController();
  private readonly socket: WebSocketLike;
  private finished = false;

  constructor(
    WebSocket: WebSocketFactory,
    readonly url: string,
    private readonly handlers: LiveConnectionHandlers,
  ) {
    this.socket = new WebSocket(url);
    this.socket.onopen = () => {
      if (!this.finished) handlers.open(this);
    };
    this.socket.onmessage = (event) => {
      if (!this.finished) handlers.message(this, event.data);
    };
    this.socket.onerror = (event) => this.lost(describeError(event));
    this.socket.onclose = (event) => this.lost(`closed (code ${event.code ?? 'unknown'}${event.reason ? `: ${event.reason}` : ''})`);
  }

  /** Aborted when the connection ends: cancels REST calls made for it. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get closed(): boolean {
    return this.finished;
  }

  /** Closes the socket (normal closure) and aborts its REST calls; no handler fires afterwards. */
  close(reason = 'closed by client'): void {
    if (this.finished) return;
    this.finish(reason);
    try {
      this.socket.close(1000, reason);
    } catch {
      // Closing a socket that never opened may throw in some implementations; it is gone either way.
    }
  }

  private lost(reason: string): void {
    if (this.finished) return;
    this.finish(reason);
    try {
      this.socket.close();
    } catch {
      // already closing
    }
    this.handlers.down(this, reason);
  }

  private finish(reason: string): void {
    this.finished = true;
    this.queue.length = 0;
    this.controller.abort(new Error(`live connection ended: ${reason}`));
    // Keep no-op handlers rather than null: the `ws` package throws on an 'error' event nobody listens to.
    this.socket.onopen = NOOP;
    this.socket.onmessage = NOOP;
    this.socket.onerror = NOOP;
    this.socket.onclose = NOOP;
  }
}

function describeError(event: unknown): string {
  const error = (event as { error?: unknown; message?: unknown } | null)?.error;
  const message = error instanceof Error ? error.message : (event as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? `socket error: ${message}` : 'socket error';
}
