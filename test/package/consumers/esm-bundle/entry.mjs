// Bundled by esbuild from the installed package, then run by node; prints what the checks need.
import { createLiquidationHeatmap, LiquidationModel as PluginModel } from 'lwc-plugin-liquidation-heatmap';
import { LiquidationModel, modelLevels, parseKlines } from 'lwc-plugin-liquidation-heatmap/core';
import 'lwc-plugin-liquidation-heatmap/umd';

const model = new LiquidationModel();
model.setData(parseKlines('open_time,open,high,low,close,volume\n0,100,102,99,101,10\n3600000,101,103,100,102,12'));

console.log(
  JSON.stringify({
    oneModelClass: PluginModel === LiquidationModel,
    createLiquidationHeatmap: typeof createLiquidationHeatmap,
    price: modelLevels(model).price, // the last close
    globalLiqHeatmap: typeof globalThis.LiqHeatmap?.createLiquidationHeatmap,
  }),
);
