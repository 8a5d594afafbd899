// @ts-check
// The overlay's options for a page state: paint options, and the model options of the symbol.

/** @typedef {import('./url-state.js').DemoState} DemoState */
/** @typedef {import('../../plugin/index').HeatmapOptionsPatch} HeatmapOptionsPatch */
/** @typedef {import('../../plugin/index').ModelOptions} ModelOptions */

/**
 * Model options for the state's symbol (its tier-1 maintenance margin rate).
 * @param {Readonly<DemoState>} state
 * @returns {Partial<ModelOptions>}
 */
export function modelOptions(state) {
  return { mmr: window.LiqHeatmap.defaultMmr(state.symbol) };
}

/**
 * What the overlay draws: the paint options, without the model's (those come with new data).
 * @param {Readonly<DemoState>} state
 * @returns {HeatmapOptionsPatch}
 */
export function paintOptions(state) {
  return {
    threshold: state.threshold,
    moreHeat: state.heat,
    heatmapVisible: state.heatmap,
    levelsVisible: state.levels,
    sweptVisible: state.swept,
    sides: state.sides,
    palette: state.palette,
    // The present is the brightest part: old bands (since swept) must not outshine the live clusters.
    normalizeOn: 'recent',
  };
}

/**
 * Whether a model built with `current` options is one `wanted` asks for.
 * @param {Readonly<Partial<ModelOptions>>} current
 * @param {Readonly<Partial<ModelOptions>>} wanted
 */
export function sameModelOptions(current, wanted) {
  return (/** @type {(keyof ModelOptions)[]} */ (Object.keys(wanted))).every((key) => JSON.stringify(current[key]) === JSON.stringify(wanted[key]));
}
