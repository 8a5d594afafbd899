import { CandlestickSeries, createChart } from 'lightweight-charts';
import { createLiquidationHeatmap, type LiquidationHeatmap } from 'lwc-plugin-liquidation-heatmap';
import { LiquidationModel, modelLevels, parseKlines, type LevelsReport } from 'lwc-plugin-liquidation-heatmap/core';
import 'lwc-plugin-liquidation-heatmap/umd';

const chart = createChart(document.body);
const heatmap: LiquidationHeatmap = createLiquidationHeatmap(chart.addSeries(CandlestickSeries), { threshold: 0.1 });
const model = new LiquidationModel({ mmr: 0.004 });
model.setData(parseKlines('open_time,open,high,low,close,volume\n0,100,102,99,101,10'));
const report: LevelsReport = modelLevels(model, { top: 3 });
export const price: number = report.price;
export const fromGlobal: typeof createLiquidationHeatmap = LiqHeatmap.createLiquidationHeatmap;
heatmap.detach();
