// @ts-check
// The inline error under an input: its text shown and the input marked invalid, or both cleared.
import { byTestId, setText } from './dom.js';

/**
 * Shows `error` under `input` (or clears it, for null).
 * @param {HTMLInputElement} input
 * @param {string} errorTestId the error's element
 * @param {string | null} error
 */
export function showInputError(input, errorTestId, error) {
  setText(errorTestId, error ?? '');
  byTestId(errorTestId).hidden = error === null;
  input.setAttribute('aria-invalid', String(error !== null));
}
