// @ts-check
// The control bar: shows a state and reports edits as partial states.
import { byTestId, inputByTestId, make, selectByTestId, setText } from './dom.js';
import { BAR_COUNTS, INTERVALS, LOOKBACKS } from './url-state.js';

/** @typedef {import('./url-state.js').DemoState} DemoState */

/**
 * @param {HTMLSelectElement} select
 * @param {readonly string[]} values
 * @param {(value: string) => string} [label]
 */
function fillSelect(select, values, label = (v) => v) {
  select.replaceChildren(
    ...values.map((value) => {
      const option = make('option', { text: label(value) });
      option.value = value;
      return option;
    }),
  );
}

/** @type {readonly (readonly [string, 'klines' | 'heatmap' | 'levels' | 'swept'])[]} */
const TOGGLES = [['toggle-klines', 'klines'], ['toggle-heatmap', 'heatmap'], ['toggle-levels', 'levels'], ['toggle-swept', 'swept']];

/**
 * Fills the controls from `state` and calls `onChange(partial)` on every edit.
 * @param {Readonly<DemoState>} state
 * @param {(partial: Partial<DemoState>) => void} onChange
 */
export function bindControls(state, onChange) {
  const symbol = inputByTestId('symbol');
  const interval = selectByTestId('interval');
  const range = selectByTestId('range');
  const threshold = inputByTestId('threshold');
  const heat = inputByTestId('more-heat');
  const sides = selectByTestId('sides');
  const palette = selectByTestId('palette');
  fillSelect(interval, INTERVALS);
  fillSelect(range, [...LOOKBACKS, ...BAR_COUNTS], (v) => (BAR_COUNTS.includes(v) ? `${v} bars` : v));
  symbol.value = state.symbol;
  interval.value = state.interval;
  range.value = state.range;
  threshold.value = String(state.threshold);
  heat.value = String(state.heat);
  for (const [id, key] of TOGGLES) inputByTestId(id).checked = state[key];
  sides.value = state.sides;
  palette.value = state.palette;
  const showValues = () => {
    setText('threshold-value', Number(threshold.value).toFixed(2));
    setText('heat-value', Number(heat.value).toFixed(2));
  };
  showValues();

  byTestId('controls').addEventListener('submit', (event) => event.preventDefault());
  symbol.addEventListener('change', () => {
    const value = symbol.value.trim().toUpperCase();
    if (/^[A-Z0-9]{2,30}$/.test(value)) onChange({ symbol: value });
    else symbol.value = state.symbol;
  });
  interval.addEventListener('change', () => onChange({ interval: interval.value }));
  range.addEventListener('change', () => onChange({ range: range.value }));
  threshold.addEventListener('input', () => {
    showValues();
    onChange({ threshold: Number(threshold.value) });
  });
  heat.addEventListener('input', () => {
    showValues();
    onChange({ heat: Number(heat.value) });
  });
  for (const [id, key] of TOGGLES) {
    const toggle = inputByTestId(id);
    toggle.addEventListener('change', () => onChange({ [key]: toggle.checked }));
  }
  sides.addEventListener('change', () => onChange({ sides: /** @type {DemoState['sides']} */ (sides.value) }));
  palette.addEventListener('change', () => onChange({ palette: /** @type {DemoState['palette']} */ (palette.value) }));
}

/**
 * Shows the symbol and interval of a `--replay FILE` and locks both controls (the file has no other).
 * @param {{ symbol: string, interval: string }} replayed
 */
export function lockSymbolAndInterval({ symbol, interval }) {
  const symbolInput = inputByTestId('symbol');
  const intervalSelect = selectByTestId('interval');
  if (![...intervalSelect.options].some((o) => o.value === interval)) {
    const option = make('option', { text: interval });
    option.value = interval;
    intervalSelect.append(option);
  }
  symbolInput.value = symbol;
  intervalSelect.value = interval;
  for (const control of [symbolInput, intervalSelect]) {
    control.disabled = true;
    control.title = 'locked to the replayed file (--replay)';
  }
}
