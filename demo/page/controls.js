// The control bar: shows a state and reports edits as partial states.
import { BAR_COUNTS, INTERVALS, LOOKBACKS } from './url-state.js';

const $ = (id) => document.getElementById(id);

function fillSelect(select, values, label = (v) => v) {
  select.replaceChildren(
    ...values.map((value) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label(value);
      return option;
    }),
  );
}

/** Fills the controls from `state` and calls `onChange(partial)` on every edit. */
export function bindControls(state, onChange) {
  fillSelect($('interval'), INTERVALS);
  fillSelect($('range'), [...LOOKBACKS, ...BAR_COUNTS], (v) => (BAR_COUNTS.includes(v) ? `${v} bars` : v));
  $('symbol').value = state.symbol;
  $('interval').value = state.interval;
  $('range').value = state.range;
  $('threshold').value = String(state.threshold);
  $('more-heat').value = String(state.heat);
  $('toggle-klines').checked = state.klines;
  $('toggle-heatmap').checked = state.heatmap;
  $('toggle-levels').checked = state.levels;
  $('toggle-swept').checked = state.swept;
  $('sides').value = state.sides;
  $('palette').value = state.palette;
  const showValues = () => {
    $('threshold-value').textContent = Number($('threshold').value).toFixed(2);
    $('heat-value').textContent = Number($('more-heat').value).toFixed(2);
  };
  showValues();

  $('controls').addEventListener('submit', (event) => event.preventDefault());
  $('symbol').addEventListener('change', () => {
    const symbol = $('symbol').value.trim().toUpperCase();
    if (/^[A-Z0-9]{2,30}$/.test(symbol)) onChange({ symbol });
    else $('symbol').value = state.symbol;
  });
  $('interval').addEventListener('change', () => onChange({ interval: $('interval').value }));
  $('range').addEventListener('change', () => onChange({ range: $('range').value }));
  $('threshold').addEventListener('input', () => {
    showValues();
    onChange({ threshold: Number($('threshold').value) });
  });
  $('more-heat').addEventListener('input', () => {
    showValues();
    onChange({ heat: Number($('more-heat').value) });
  });
  for (const [id, key] of [['toggle-klines', 'klines'], ['toggle-heatmap', 'heatmap'], ['toggle-levels', 'levels'], ['toggle-swept', 'swept']]) {
    $(id).addEventListener('change', () => onChange({ [key]: $(id).checked }));
  }
  $('sides').addEventListener('change', () => onChange({ sides: $('sides').value }));
  $('palette').addEventListener('change', () => onChange({ palette: $('palette').value }));
}
