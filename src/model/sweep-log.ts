import type { SweptZoneAt } from './swept-zone';

/**
 * Append-only log of sweeps as typed columns (one entry per side per sweeping bar; no per-bar objects).
 * Prices are kept as the engine's log prices and turned into prices when read: most sweeps of a long
 * recompute are never read, and `Math.exp` per sweep was a measurable share of it.
 */
export class SweepLog {
  count = 0;
  private isLong = new Uint8Array(0);
  private cols = { lnPrice: new Float64Array(0), lnLow: new Float64Array(0), lnHigh: new Float64Array(0), notional: new Float64Array(0), time: new Float64Array(0) };
  private index = new Int32Array(0);

  /** Logs a sweep; `lnPrice`, `lnLow` and `lnHigh` are natural logs of the prices. */
  push(long: boolean, lnPrice: number, lnLow: number, lnHigh: number, notional: number, time: number, index: number): void {
    if (this.count === this.index.length) this.grow(Math.max(256, this.count * 2));
    const i = this.count++;
    this.isLong[i] = long ? 1 : 0;
    this.cols.lnPrice[i] = lnPrice;
    this.cols.lnLow[i] = lnLow;
    this.cols.lnHigh[i] = lnHigh;
    this.cols.notional[i] = notional;
    this.cols.time[i] = time;
    this.index[i] = index;
  }

  clear(): void {
    this.count = 0;
  }

  /** Entries whose bar index is in `(fromIndex, toIndex]`, as objects. */
  between(fromIndex: number, toIndex: number): SweptZoneAt[] {
    const out: SweptZoneAt[] = [];
    for (let i = this.count - 1; i >= 0 && this.index[i] > fromIndex; i--) {
      if (this.index[i] > toIndex) continue;
      out.push(this.at(i));
    }
    return out.reverse();
  }

  private at(i: number): SweptZoneAt {
    const c = this.cols;
    return {
      side: this.isLong[i] ? 'long' : 'short',
      price: Math.exp(c.lnPrice[i]),
      low: Math.exp(c.lnLow[i]),
      high: Math.exp(c.lnHigh[i]),
      notional: c.notional[i],
      time: c.time[i],
      index: this.index[i],
    };
  }

  private grow(capacity: number): void {
    const isLong = new Uint8Array(capacity);
    isLong.set(this.isLong);
    this.isLong = isLong;
    const index = new Int32Array(capacity);
    index.set(this.index);
    this.index = index;
    for (const key of Object.keys(this.cols) as (keyof typeof this.cols)[]) {
      const next = new Float64Array(capacity);
      next.set(this.cols[key]);
      this.cols[key] = next;
    }
  }
}
