// @ts-check
// The liquidation overlay on the candles. New data whose model options are those in force goes to the
// overlay in place (it keeps drawing its model until the new one is ready); new data that needs other
// model options (another symbol's margin rate) gets a fresh overlay, so the model of the data being
// replaced is never rebuilt with the next data's options (a 52k-bar rebuild is 300-400 ms).
import { modelOptions, paintOptions, sameModelOptions } from './overlay-options.js';

/** @typedef {import('./url-state.js').DemoState} DemoState */
/** @typedef {import('lightweight-charts').ISeriesApi<'Candlestick'>} CandleSeries */
/** @typedef {import('../../plugin/index').LiquidationHeatmap} LiquidationHeatmap */
/** @typedef {import('../../plugin/index').Kline} Kline */
/** @typedef {import('../../plugin/index').ModelContext} ModelContext */

/**
 * The overlay for `state` (read at each call) on `candles`.
 * @param {CandleSeries} candles
 * @param {Readonly<DemoState>} state
 */
export function createOverlay(candles, state) {
  const attach = () => window.LiqHeatmap.createLiquidationHeatmap(candles, { ...paintOptions(state), model: modelOptions(state) });
  let heatmap = attach();
  return {
    /** The overlay in use. */
    current: () => heatmap,
    /** Applies the state's paint options (no recompute). */
    repaint: () => heatmap.applyOptions(paintOptions(state)),
    /**
     * Builds the model of new data in slices; resolves when it is drawn.
     * @param {readonly Kline[]} klines
     * @param {ModelContext} context
     * @param {(done: number, total: number) => void} onProgress
     * @returns {Promise<void>}
     */
    load(klines, context, onProgress) {
      if (!sameModelOptions(heatmap.options().model, modelOptions(state))) {
        // A build still running on the old overlay finishes unseen: the overlay has no way to cancel it.
        heatmap.detach();
        heatmap = attach();
      }
      return heatmap.setDataAsync(klines, context, { onProgress });
    },
  };
}
