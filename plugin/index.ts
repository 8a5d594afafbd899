/**
 * lwc-plugin-liquidation-heatmap: an estimated liquidation heatmap and labelled liquidation levels for
 * lightweight-charts v5, plus the headless core (also available alone as `.../core`).
 *
 * @packageDocumentation
 */
export * from '../src/index';
export { createLiquidationHeatmap, type LiquidationHeatmap } from './create-liquidation-heatmap';
export { attachBinanceHeatmap, type BinanceHeatmap, type BinanceHeatmapOptions } from './attach-binance-heatmap';
export { LiquidationHeatmapPrimitive } from './liquidation-heatmap-primitive';
export type { DensityReading, LoadControl } from './heatmap-data-controller';
export type { KlinesInput } from './klines-input';
export { levelLabelText } from './level-label-text';
export { LoadAbortError } from './load-abort-error';
export type { PaintTiming } from './paint-budget';
export {
  DEFAULT_HEATMAP_OPTIONS,
  mergeHeatmapOptions,
  type HeatmapOptions,
  type HeatmapOptionsPatch,
  type ColorStop,
  type PaletteOption,
  type SidesOption,
  type NormalizeOnOption,
  type LevelLabelsOption,
  RECENT_COLUMNS,
} from './heatmap-options';
export { DENSITY_STOPS, LONG_STOPS, SHORT_STOPS } from './palette';
