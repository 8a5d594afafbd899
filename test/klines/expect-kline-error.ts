import { expect } from 'vitest';
import { KlineError, type KlineErrorKind } from '../../src/klines';

interface Expected {
  kind: KlineErrorKind;
  row?: number;
  field?: string;
  source?: string;
}

/** Runs `fn`, asserts it throws a KlineError with these properties named in its message, returns it. */
export function expectKlineError(fn: () => unknown, expected: Expected): KlineError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(KlineError);
  const error = caught as KlineError;
  expect({ kind: error.kind, row: error.row, field: error.field, source: error.source }).toEqual({
    kind: expected.kind,
    row: expected.row,
    field: expected.field,
    source: expected.source,
  });
  if (expected.source !== undefined) expect(error.message).toContain(expected.source);
  if (expected.row !== undefined) expect(error.message).toContain(`row ${expected.row}`);
  if (expected.field !== undefined) expect(error.message).toContain(`field ${expected.field}`);
  return error;
}
