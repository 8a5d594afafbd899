import { readFileSync } from 'node:fs';
import { LiquidationModel, modelLevels, parseKlines, suggestTargets } from 'lwc-plugin-liquidation-heatmap/core';

const model = new LiquidationModel({ mmr: 0.004 });
model.setData(parseKlines(readFileSync('BTCUSDT-1h.csv', 'utf8'), { source: 'BTCUSDT-1h.csv' }));
const report = modelLevels(model, { top: 5 });
export const targets: Array<number | null> = suggestTargets(report, { side: 'long', entry: report.price, count: 3 }).map((target) => target.price);
