import type { Time } from 'lightweight-charts';

/**
 * Epoch ms of a chart time: a UTC timestamp in seconds (epoch ms also accepted, told apart by size),
 * or a business day (`'2024-05-01'` or `{ year, month, day }`) taken as UTC midnight. Null when it is
 * not a time lightweight-charts accepts.
 */
export function chartTimeToMs(time: Time): number | null {
  if (typeof time === 'number') return Number.isFinite(time) ? (Math.abs(time) < 1e11 ? time * 1000 : time) : null;
  if (typeof time === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(time);
    return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  }
  if (typeof time === 'object' && time !== null) return Date.UTC(time.year, time.month - 1, time.day);
  return null;
}

/** A chart time as people read it in a message: the value as given and, for numbers, its UTC date. */
export function describeChartTime(time: unknown): string {
  if (typeof time === 'number') return `${time} (${isoOrNaN(time * 1000)} if seconds)`;
  return JSON.stringify(time);
}

/** An epoch-ms time as `1704067200 s (2024-01-01T00:00:00.000Z)`. */
export function describeKlineTime(ms: number): string {
  return `${ms / 1000} s (${isoOrNaN(ms)})`;
}

function isoOrNaN(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? 'not a date' : date.toISOString();
}
