/** The part of a `MessageChannel` used here (the core is typed without the DOM library). */
interface Channel {
  port1: { onmessage: ((event: unknown) => void) | null };
  port2: { postMessage(message: unknown): void };
}

const waiting: Array<() => void> = [];
let channel: Channel | null = null;

/**
 * Resolves in a fresh task, so long work split across `await nextTask()` lets the page paint and
 * handle input in between. Nested `setTimeout(0)` is clamped to 4 ms by browsers, a third of an 8 ms
 * slice, so browsers get a `MessageChannel` message; Node gets `setImmediate` (a port would not keep
 * the process alive while work is pending).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') {
      setImmediate(resolve);
      return;
    }
    const Ctor = (globalThis as unknown as { MessageChannel?: new () => Channel }).MessageChannel;
    if (!Ctor) {
      setTimeout(resolve, 0);
      return;
    }
    if (!channel) {
      channel = new Ctor();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
