import type { DensityUnit } from '../model/liquidation-model';
import type { Level } from './level';

/** A price with thousands separators and as many decimals as its size needs (`92,850.5`, `2,066.56`, `0.1234`). */
export function formatPrice(price: number): string {
  const abs = Math.abs(price);
  const decimals = abs >= 10_000 ? 1 : abs >= 100 ? 2 : abs >= 1 ? 4 : 6;
  return priceFormat(decimals).format(price);
}

// One formatter per decimal count: `toLocaleString` builds a new one on every call (slow per frame).
const formats = new Map<number, Intl.NumberFormat>();
function priceFormat(decimals: number): Intl.NumberFormat {
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(decimals, format);
  }
  return format;
}

/** A size in compact form: `$41.2M` in USD, `41.2M` (heat) otherwise. */
export function formatNotional(value: number, unit: DensityUnit): string {
  const abs = Math.abs(value);
  const [scaled, suffix] = abs >= 1e9 ? [value / 1e9, 'B'] : abs >= 1e6 ? [value / 1e6, 'M'] : abs >= 1e3 ? [value / 1e3, 'K'] : [value, ''];
  const text = `${scaled.toFixed(Math.abs(scaled) >= 100 || suffix === '' ? 0 : 1)}${suffix}`;
  return unit === 'usd' ? `$${text}` : text;
}

/** A signed percentage with two decimals: `+1.25%`, `-0.60%`. */
export function formatPct(pct: number): string {
  return `${pct >= 0 ? '+' : '-'}${Math.abs(pct).toFixed(2)}%`;
}

/** A level in one line with {@link formatPrice}: `92,850.0 | $41.2M | -1.20%` (the chart overlay draws `levelLabelText`, in the series' price format). */
export function formatLevelLabel(level: Level, unit: DensityUnit): string {
  return `${formatPrice(level.price)} | ${formatNotional(level.notional, unit)} | ${formatPct(level.distancePct)}`;
}
