/**
 * `value` when it is neither null nor undefined, else an error naming `what` was expected: the checked
 * form of `value!`, so a missing value fails the test where it is read, with its name.
 */
export function must<T>(value: T, what: string): NonNullable<T> {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}
