import { toEpochMs } from '../klines/epoch-ms';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Smallest accepted epoch number: 1e9 s is 2001-09-09; shorter numbers (a year such as `2025`) are refused. */
const MIN_EPOCH = 1e9;

/**
 * A command-line time as epoch ms: digits are epoch ms (or seconds / microseconds, normalised like kline
 * times, from 1e9 up), anything else must be ISO 8601 `YYYY-MM-DD[(T| )hh:mm[:ss[.fff]]][Z|±hh:mm]`, read as
 * UTC without a zone. Returns undefined for anything else, including impossible dates such as `2025-02-30`.
 */
export function parseTime(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    return value >= MIN_EPOCH && Number.isSafeInteger(value) ? toEpochMs(value) : undefined;
  }
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const back = new Date(local);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || back.getUTCHours() !== hour || back.getUTCMinutes() !== minute || back.getUTCSeconds() !== second) {
    return undefined;
  }
  const time = local - offsetMs(m[8]);
  return Number.isFinite(time) ? time : undefined;
}

function offsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return NaN;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}
