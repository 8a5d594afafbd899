/**
 * Headless core of lwc-plugin-liquidation-heatmap: klines parsing, the liquidation model, levels and
 * placement, the Binance client and the evaluation against real liquidations. No DOM and no
 * lightweight-charts: usable in Node, workers and bots (`import ... from 'lwc-plugin-liquidation-heatmap/core'`).
 *
 * @packageDocumentation
 */
export * from './public-api';
export { parseLiquidationCsv, groupWindows, LiquidationFileError, type LiquidationOrder, type LiquidationWindow } from './evaluate/liquidation-orders';
export { evaluateModel, scoreWindow, type EvaluateOptions, type Evaluation } from './evaluate/evaluate-model';
export type { WindowScore } from './evaluate/window-score';
export type { SideScore, RowScore, Weighted } from './evaluate/score-side';
export { summarize, type EvaluationSummary, type GroupSummary, type WeightedSummary } from './evaluate/evaluation-summary';
export type { Estimate, BootstrapOptions } from './evaluate/bootstrap';
export { crossValidateDays, type CrossValidation, type CvFold } from './evaluate/cross-validate';
export type { Setting } from './evaluate/option-grid';
