// @ts-check
// The page's DOM access: elements by their data-testid, text only through textContent, small builders.
// Remote text (symbols, file names, Binance messages) never goes through innerHTML.
/** @type {Map<string, HTMLElement>} */
const found = new Map();

/**
 * The element with `data-testid="testId"`.
 * @param {string} testId
 * @returns {HTMLElement}
 */
export function byTestId(testId) {
  const known = found.get(testId);
  if (known && known.isConnected) return known;
  const element = document.querySelector(`[data-testid="${testId}"]`);
  if (!(element instanceof HTMLElement)) throw new Error(`demo page: no element with data-testid "${testId}"`);
  found.set(testId, element);
  return element;
}

/**
 * The `<input>` with this test id.
 * @param {string} testId
 * @returns {HTMLInputElement}
 */
export function inputByTestId(testId) {
  const element = byTestId(testId);
  if (!(element instanceof HTMLInputElement)) throw new Error(`demo page: data-testid "${testId}" is a <${element.tagName.toLowerCase()}>, not an <input>`);
  return element;
}

/**
 * The `<select>` with this test id.
 * @param {string} testId
 * @returns {HTMLSelectElement}
 */
export function selectByTestId(testId) {
  const element = byTestId(testId);
  if (!(element instanceof HTMLSelectElement)) throw new Error(`demo page: data-testid "${testId}" is a <${element.tagName.toLowerCase()}>, not a <select>`);
  return element;
}

/**
 * Sets the text of the element with this test id (as text, never markup).
 * @param {string} testId
 * @param {string} text
 */
export function setText(testId, text) {
  byTestId(testId).textContent = text;
}

/**
 * A new element with an optional class name, text and title.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{ className?: string, text?: string, title?: string }} [parts]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function make(tag, { className, text, title } = {}) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  if (title !== undefined) element.title = title;
  return element;
}

/**
 * Replaces the children of the element with this test id.
 * @param {string} testId
 * @param {readonly Node[]} children
 */
export function replaceChildren(testId, children) {
  byTestId(testId).replaceChildren(...children);
}
