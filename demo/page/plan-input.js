// @ts-check
// The plan's inputs checked before they are used: an entry must be a positive price near the market,
// the stop buffer a percentage from 0 to 5. Each check says what is wrong, for the inline error.
import { formatPrice } from './price-text.js';

/** How far from the current price an entry may be, as a fraction of it (0.5: from half to one and a half times). */
export const ENTRY_RANGE = 0.5;
export const MAX_BUFFER_PCT = 5;

/**
 * Why an entry typed as `text` cannot be used at `price`, or null when it can ('' means the current price).
 * @param {string} text
 * @param {number | null} price the current price, null while unknown
 * @returns {string | null}
 */
export function entryError(text, price) {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return `entry "${trimmed}" is not a number`;
  if (value <= 0) return `entry must be a positive price (got ${trimmed})`;
  if (price !== null && price > 0 && Math.abs(value - price) > price * ENTRY_RANGE) {
    return `entry ${formatPrice(value)} is more than ${ENTRY_RANGE * 100}% from the price ${formatPrice(price)} (use ${formatPrice(price * (1 - ENTRY_RANGE))} to ${formatPrice(price * (1 + ENTRY_RANGE))})`;
  }
  return null;
}

/**
 * Why a stop buffer typed as `text` cannot be used, or null when it can.
 * @param {string} text
 * @returns {string | null}
 */
export function bufferError(text) {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return `buffer "${text.trim()}" is not a number`;
  if (value < 0 || value > MAX_BUFFER_PCT) return `buffer must be from 0 to ${MAX_BUFFER_PCT} % (got ${text.trim()})`;
  return null;
}
