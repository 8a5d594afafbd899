/** What was wrong with a kline input, as a machine-readable class. */
export type KlineErrorKind =
  | 'empty'
  | 'format'
  | 'non-numeric'
  | 'negative'
  | 'out-of-range'
  | 'high-below-body'
  | 'low-above-body'
  | 'unsorted'
  | 'duplicate'
  | 'mixed-interval'
  | 'missing-field';

/**
 * Raised for bad kline input. The message names the source (file), the row (1-based data row; for
 * CSV the 1-based line number of the file) and the field.
 */
export class KlineError extends Error {
  override readonly name = 'KlineError';
  constructor(
    readonly kind: KlineErrorKind,
    readonly reason: string,
    readonly row?: number,
    readonly field?: string,
    readonly source?: string,
  ) {
    super(formatKlineError(reason, row, field, source));
  }
}

function formatKlineError(reason: string, row?: number, field?: string, source?: string): string {
  const where = [source, row !== undefined ? `row ${row}` : undefined, field !== undefined ? `field ${field}` : undefined]
    .filter((part) => part !== undefined)
    .join(', ');
  return where ? `${where}: ${reason}` : reason;
}
