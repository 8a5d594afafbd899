import type { ISeriesApi } from 'lightweight-charts';
import { createLiquidationHeatmap, LiquidationModel as PluginModel, type LiquidationHeatmap } from 'lwc-plugin-liquidation-heatmap';
import { LiquidationModel, modelLevels, parseKlines } from 'lwc-plugin-liquidation-heatmap/core';

export function overlay(candles: ISeriesApi<'Candlestick'>): LiquidationHeatmap {
  return createLiquidationHeatmap(candles, { threshold: 0.1 });
}
const model: LiquidationModel = new PluginModel();
model.setData(parseKlines('open_time,open,high,low,close,volume\n0,100,102,99,101,10'));
export const price: number = modelLevels(model).price;
