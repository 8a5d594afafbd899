// @ts-check
// What a state change has to do. Each key names the effects its change needs; a change runs every
// needed effect once, in EFFECT_ORDER. New data also starts the alerts over (their cool-down and levels
// are the new data's); the plan and panels follow the new model when it is ready.

/** @typedef {import('./url-state.js').DemoState} DemoState */

/**
 * - `candles`: show or hide the candles.
 * - `crosshair`: recolour the crosshair.
 * - `repaint`: the overlay's paint options changed (applyOptions, no recompute).
 * - `replan`: the plan's inputs changed.
 * - `realert`: the alert settings changed: start the alerts over.
 * - `reload`: the data changed: stop the source and load again (the model is built once, for the new data).
 * @typedef {'candles' | 'crosshair' | 'repaint' | 'replan' | 'realert' | 'reload'} Effect
 */

/** @type {Readonly<Record<keyof DemoState, readonly Effect[]>>} */
export const EFFECTS_BY_KEY = Object.freeze({
  symbol: ['reload', 'realert'],
  interval: ['reload', 'realert'],
  range: ['reload', 'realert'],
  threshold: ['repaint'],
  heat: ['repaint'],
  klines: ['candles'],
  heatmap: ['repaint'],
  levels: ['repaint'],
  swept: ['repaint'],
  sides: ['repaint'],
  palette: ['repaint'],
  planSide: ['replan'],
  planEntry: ['replan'],
  planBuffer: ['replan'],
  alertPct: ['realert'],
  crosshair: ['crosshair'],
});

/** @type {readonly Effect[]} */
export const EFFECT_ORDER = ['candles', 'crosshair', 'repaint', 'realert', 'replan', 'reload'];

/**
 * The effects a change needs, each once, in {@link EFFECT_ORDER}: only keys whose value differs from
 * `state` count.
 * @param {Readonly<DemoState>} state the state before the change
 * @param {Partial<DemoState>} partial
 * @returns {Effect[]}
 */
export function effectsOf(state, partial) {
  /** @type {Set<Effect>} */
  const needed = new Set();
  for (const key of /** @type {(keyof DemoState)[]} */ (Object.keys(partial))) {
    if (!Object.prototype.hasOwnProperty.call(EFFECTS_BY_KEY, key) || partial[key] === state[key]) continue;
    for (const effect of EFFECTS_BY_KEY[key]) needed.add(effect);
  }
  return EFFECT_ORDER.filter((effect) => needed.has(effect));
}
