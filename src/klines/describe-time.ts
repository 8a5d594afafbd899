/** `2025-01-22T00:00:00.000Z`, or the raw number when it is not a valid date. */
export function describeTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

const UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** A span of time as `1d2h`, `15m`, `30s`, `1ms`; negative spans get a minus sign. */
export function describeSpan(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  let rest = Math.abs(Math.round(ms));
  let text = '';
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return (ms < 0 ? '-' : '') + (text || '0ms');
}
