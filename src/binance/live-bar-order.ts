import type { Kline } from '../klines/kline';

/** What to do with a live kline. */
export type LiveKlineVerdict =
  /** Deliver it (it updates or closes the forming bar, or starts the next one). */
  | 'deliver'
  /** Drop it: older than the forming bar, a repeat of a closed bar, or an out-of-order tick. */
  | 'ignore'
  /** It is newer than expected: a close (or whole bars) was missed; resync by REST before applying it. */
  | 'gap';

/**
 * The ordering rules of the live feed, without any I/O. It remembers the open time of the last closed
 * bar and of the forming bar, so everything it lets through is in non-decreasing open time and no bar
 * is delivered as closed twice.
 */
export class LiveBarOrder {
  /** Open time of the last bar delivered as closed. */
  lastClosed: number | undefined;
  /** Open time of the bar delivered as forming (not yet closed). */
  forming: number | undefined;
  /** The newest open time seen on the live stream: every bar older than it has closed. */
  private liveHigh = -Infinity;
  /** Event time of the last live tick applied to the forming bar. */
  private formingEventTime = -Infinity;

  /**
   * @param intervalMs - bar length, to notice whole bars missing after a closed one.
   * @param since - open time of the caller's last bar, which may still have been forming.
   */
  constructor(
    private readonly intervalMs: number,
    since?: number,
  ) {
    this.forming = since;
  }

  /** Where a resync starts: the forming bar, else the last closed one; `undefined` before any bar. */
  resumeFrom(): number | undefined {
    return this.forming ?? this.lastClosed;
  }

  /** Records a live kline's open time as soon as it arrives (also while buffered during a resync). */
  noteLive(openTime: number): void {
    if (openTime > this.liveHigh) this.liveHigh = openTime;
  }

  /**
   * Judges a live kline. With `allowGap` (right after the REST resync it triggered) a newer bar is
   * delivered even when bars before it are still unknown: REST is the truth and had nothing more.
   */
  judge(kline: Kline, eventTime: number, allowGap = false): LiveKlineVerdict {
    const t = kline.openTime;
    if (this.lastClosed !== undefined && t <= this.lastClosed) return 'ignore';
    if (this.forming !== undefined) {
      if (t < this.forming) return 'ignore';
      if (t === this.forming) {
        // An older tick, or a repeat of the last one, is dropped; a closing tick never is.
        const stale = eventTime < this.formingEventTime || (eventTime === this.formingEventTime && kline.closed !== true);
        return stale ? 'ignore' : 'deliver';
      }
      return allowGap ? 'deliver' : 'gap';
    }
    if (!allowGap && this.lastClosed !== undefined && t - this.lastClosed >= 1.5 * this.intervalMs) return 'gap';
    return 'deliver';
  }

  /** Records a delivered live kline (after {@link judge} said `deliver`). */
  applyLive(kline: Kline, eventTime: number): void {
    this.advance(kline.openTime, kline.closed === true);
    this.formingEventTime = this.forming === undefined || Number.isNaN(eventTime) ? -Infinity : eventTime;
  }

  /**
   * Takes a REST result and returns the klines to deliver, in order, each with `closed` set. Every bar
   * but the result's last is closed, and so is any bar older than a bar already seen live; the last one
   * is otherwise the forming bar. Bars already closed or older than the forming bar are dropped.
   */
  applyRest(bars: readonly Kline[]): Kline[] {
    const sorted = [...bars].sort((a, b) => a.openTime - b.openTime);
    const out: Kline[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const bar = sorted[i];
      const t = bar.openTime;
      if (i + 1 < sorted.length && sorted[i + 1].openTime === t) continue; // duplicate row: keep the later
      if (this.lastClosed !== undefined && t <= this.lastClosed) continue;
      if (this.forming !== undefined && t < this.forming) continue;
      const closed = bar.closed === true || i < sorted.length - 1 || t < this.liveHigh;
      out.push({ ...bar, closed });
      this.advance(t, closed);
      this.formingEventTime = -Infinity;
    }
    return out;
  }

  private advance(openTime: number, closed: boolean): void {
    if (closed) {
      this.lastClosed = openTime;
      this.forming = undefined;
    } else {
      this.forming = openTime;
    }
  }
}
