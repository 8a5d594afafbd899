export type { Side } from './side';
export { liquidationPrice, liquidationFactor, bracketFor, defaultMmr, type LiquidationPriceInput, type MarginBracket } from './liquidation-price';
export {
  DEFAULT_MODEL_OPTIONS,
  DEFAULT_TIERS,
  mergeModelOptions,
  type LeverageTier,
  type ModelOptions,
  type SweepRule,
} from './model-options';
export { createPriceGrid, rowOf, rowPrice, gridMax, type PriceGrid } from './price-grid';
export { alignOpenInterest, validateOpenInterest, type OpenInterestPoint } from './open-interest';
export type { SweptZone, SweptZoneAt } from './swept-zone';
export type { KlineView } from './kline-buffer';
export { LiquidationModel } from './liquidation-model';
export type { AsyncControl, CellDensity, ColumnView, DensityUnit, ModelContext, ModelRevision, UpdateResult } from './model-types';
