/** Binance USDⓈ-M request-weight limit per minute per IP. */
export const WEIGHT_LIMIT_PER_MINUTE = 2400;

const MINUTE = 60_000;
// Waits run this far past our minute boundary, for clock skew against Binance's window.
const BOUNDARY_MARGIN_MS = 1000;

/** Request weight of `GET /fapi/v1/klines` for a `limit`: 1 / 2 / 5 / 10 for `< 100` / `< 500` / `<= 1000` / `> 1000`. */
export function klinesWeight(limit: number): number {
  if (limit < 100) return 1;
  if (limit < 500) return 2;
  if (limit <= 1000) return 5;
  return 10;
}

/**
 * The client's view of the current minute's used weight: the latest `X-MBX-USED-WEIGHT-1M` the
 * server reported, plus the weight of requests sent since (which the header may not show yet).
 * Windows are wall-clock minutes, as Binance counts them.
 */
export class WeightBudget {
  private minute = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(private readonly limit: number = WEIGHT_LIMIT_PER_MINUTE) {}

  /** Milliseconds to wait before a request of `weight` can be sent at `now` without passing the limit; 0 if it fits. */
  delayFor(weight: number, now: number): number {
    const minute = Math.floor(now / MINUTE);
    if (minute !== this.minute || this.used + weight <= this.limit) return 0;
    return (minute + 1) * MINUTE - now + BOUNDARY_MARGIN_MS;
  }

  /** Counts a request of `weight` sent at `now`. */
  spend(weight: number, now: number): void {
    this.roll(now);
    this.used += weight;
  }

  /** Takes in the server's used weight from a response received at `now` (never lowers the estimate). */
  observe(usedWeight: number, now: number): void {
    this.roll(now);
    this.used = Math.max(this.used, usedWeight);
  }

  private roll(now: number): void {
    const minute = Math.floor(now / MINUTE);
    if (minute !== this.minute) {
      this.minute = minute;
      this.used = 0;
    }
  }
}
