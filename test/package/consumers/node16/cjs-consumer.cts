import type { ISeriesApi } from 'lightweight-charts' with { 'resolution-mode': 'import' };
import { createLiquidationHeatmap, type LiquidationHeatmap } from 'lwc-plugin-liquidation-heatmap';
import core = require('lwc-plugin-liquidation-heatmap/core');

export function overlay(candles: ISeriesApi<'Candlestick'>): LiquidationHeatmap {
  return createLiquidationHeatmap(candles, { moreHeat: 0.3 });
}
const model = new core.LiquidationModel();
model.setData(core.parseKlines('open_time,open,high,low,close,volume\n0,100,102,99,101,10'));
export const price: number = core.modelLevels(model).price;
