import type { LiveClock } from '../../src/binance/live-clock';

/** A fake clock for the live feed: time moves only when the test runs the next timer. */
export class ManualClock implements LiveClock {
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  private lastId = 0;

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    this.timers.set(++this.lastId, { at: this.time + Math.max(0, ms), callback });
    return this.lastId;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Due time of the earliest pending timer, or undefined when none is pending. */
  nextAt(): number | undefined {
    let next: number | undefined;
    for (const { at } of this.timers.values()) if (next === undefined || at < next) next = at;
    return next;
  }

  /** Moves time to the earliest pending timer and fires it (the first set among those due together). */
  runNext(): void {
    let first: [number, { at: number; callback: () => void }] | undefined;
    for (const entry of this.timers) if (first === undefined || entry[1].at < first[1].at) first = entry;
    if (first === undefined) throw new Error('ManualClock: no timer pending');
    this.timers.delete(first[0]);
    this.time = first[1].at;
    first[1].callback();
  }
}
