export { parseLiquidationCsv, groupWindows, LiquidationFileError, type LiquidationOrder, type LiquidationWindow } from './liquidation-orders';
export { scoreSide, TOP_ROW_SHARE, type SideScore } from './score-side';
export { evaluateModel, poolScores, sliceRange, type EvaluateOptions, type Evaluation, type PooledScore, type WindowScore } from './evaluate-model';
