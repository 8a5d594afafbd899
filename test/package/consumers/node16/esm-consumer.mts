import type { ISeriesApi } from 'lightweight-charts';
import { createLiquidationHeatmap, LiquidationModel as PluginModel, type LiquidationHeatmap } from 'lwc-plugin-liquidation-heatmap';
import { LiquidationModel, modelLevels, parseKlines, suggestStop } from 'lwc-plugin-liquidation-heatmap/core';

export function overlay(candles: ISeriesApi<'Candlestick'>): LiquidationHeatmap {
  return createLiquidationHeatmap(candles, { palette: 'two-sided' });
}
const model: LiquidationModel = new PluginModel({ mmr: 0.004 });
model.setData(parseKlines('open_time,open,high,low,close,volume\n0,100,102,99,101,10'));
const report = modelLevels(model, { top: 3 });
export const stop: number | undefined = suggestStop(report, { side: 'long', entry: report.price })?.price ?? undefined;
