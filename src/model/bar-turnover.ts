import type { BarInput } from './bar-input';

/** A bar's turnover in quote currency: its quote volume, else volume × typical price. */
export function barTurnover(bar: BarInput): number {
  return bar.quoteVolume === bar.quoteVolume ? bar.quoteVolume : (bar.volume * (bar.high + bar.low + bar.close)) / 3;
}
