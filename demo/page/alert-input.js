// @ts-check
// The alert distance checked before it is used: a percentage from 0 (no alerts) to 20. The check says
// what is wrong, for the inline error.

export const MAX_ALERT_PCT = 20;

/**
 * Why an alert distance typed as `text` cannot be used, or null when it can ('' means 0: no alerts).
 * @param {string} text
 * @returns {string | null}
 */
export function alertPctError(text) {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return `alert distance "${trimmed}" is not a number`;
  if (value < 0 || value > MAX_ALERT_PCT) return `alert distance must be from 0 to ${MAX_ALERT_PCT} % (got ${trimmed})`;
  return null;
}
