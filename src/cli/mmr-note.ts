import { formatPct } from '../levels/format-level';
import { defaultMmr } from '../model/liquidation-price';

const OWN_RATES = new Set(['BTCUSDT', 'ETHUSDT']);

/** Which maintenance margin rate the liquidation prices used and why, for the report. */
export function mmrNote(mmr: number, symbol: string | undefined): string {
  const rate = `${formatPct(mmr * 100).replace(/^\+/, '')}`;
  const name = symbol?.toUpperCase();
  if (name && OWN_RATES.has(name)) return `${rate} (${name}'s tier-1 rate)`;
  if (name) return `${rate} (no rate of ${name}'s own here: the common tier-1 rate)`;
  return `${rate} (no --symbol: the common tier-1 rate; BTCUSDT's is ${formatPct(defaultMmr('BTCUSDT') * 100).replace(/^\+/, '')}, which moves every level)`;
}
