// @ts-check
// Edits that bring others with them. A new symbol puts the plan's entry back on the market price: a
// price typed for one symbol means nothing on another (104,000 on BTCUSDT is 45 times ETHUSDT's price).
// A new interval or range keeps it: the symbol, and so its price, is the same.

/** @typedef {import('./url-state.js').DemoState} DemoState */

/**
 * `partial` with the edits it implies on `state` (the same object when it implies none).
 * @param {Readonly<DemoState>} state the state before the edit
 * @param {Partial<DemoState>} partial
 * @returns {Partial<DemoState>}
 */
export function withImpliedEdits(state, partial) {
  const newSymbol = partial.symbol !== undefined && partial.symbol !== state.symbol;
  if (newSymbol && partial.planEntry === undefined && state.planEntry !== 0) return { ...partial, planEntry: 0 };
  return partial;
}
