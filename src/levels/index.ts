export type { Level, LevelsReport, Bias, BiasLabel } from './level';
export { DEFAULT_LEVELS_OPTIONS, mergeLevelsOptions, type LevelsOptions } from './levels-options';
export { computeLevels, type LevelsInput } from './compute-levels';
export { findZones, type Zone } from './find-zones';
export { readBias, massBetween } from './bias';
export { modelLevels, modelDensityAt } from './model-levels';
export { suggestStop, suggestTargets, type Placement, type PlacementRequest, type TradeSide } from './placement';
export { formatPrice, formatNotional, formatPct, formatLevelLabel } from './format-level';
