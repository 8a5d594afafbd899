/**
 * Headless core of lwc-plugin-liquidation-heatmap: klines parsing, the liquidation model, levels and
 * placement, the Binance client and the evaluation against real liquidations. No DOM and no
 * lightweight-charts: usable in Node, workers and bots (`import ... from 'lwc-plugin-liquidation-heatmap/core'`).
 *
 * @packageDocumentation
 */
export * from './public-api';
export { parseLiquidationCsv, groupWindows, LiquidationFileError, type LiquidationOrder, type LiquidationWindow } from './evaluate/liquidation-orders';
export { evaluateModel, poolScores, type EvaluateOptions, type Evaluation, type PooledScore, type WindowScore } from './evaluate/evaluate-model';
export type { SideScore } from './evaluate/score-side';
