import { LiquidationModel, modelLevels, parseKlines } from 'lwc-plugin-liquidation-heatmap/core';

const model = new LiquidationModel();
model.setData(parseKlines('open_time,open,high,low,close,volume\n0,100,102,99,101,10'));
export const bias: string = modelLevels(model).bias.label;
