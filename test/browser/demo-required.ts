/** `value`, or a failure naming `what` when it is null or undefined (instead of a non-null assertion). */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}
