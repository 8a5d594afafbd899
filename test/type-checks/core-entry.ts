// Type-level tests of the headless entry's declarations (dist/core.d.ts): compiled, never run.
import { LiquidationModel, modelLevels, parseKlines, type LevelsReport } from 'lwc-plugin-liquidation-heatmap/core';
// @ts-expect-error the headless entry has no chart code
import { createLiquidationHeatmap } from 'lwc-plugin-liquidation-heatmap/core';
// @ts-expect-error evaluation is a CLI tool (liq-heatmap evaluate), in neither entry
import { evaluateModel } from 'lwc-plugin-liquidation-heatmap/core';
// @ts-expect-error nor in the chart entry
import { evaluateModel as chartEvaluate } from 'lwc-plugin-liquidation-heatmap';
// @ts-expect-error storage internals are not published
import { HeatmapColumns } from 'lwc-plugin-liquidation-heatmap/core';

const model = new LiquidationModel();
model.setData(parseKlines('open_time,open,high,low,close,volume\n0,1,2,0.5,1.5,10\n'));
const report: LevelsReport = modelLevels(model, { top: 3 });
void [report, evaluateModel, createLiquidationHeatmap, chartEvaluate, HeatmapColumns];
