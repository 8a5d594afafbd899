// Type-level tests of the published declarations (dist/index.d.ts): compiled by `npm run typecheck`, never run.
import { createChart, CandlestickSeries } from 'lightweight-charts';
import {
  createLiquidationHeatmap,
  LiquidationModel,
  type ColumnView,
  type HeatmapOptionsPatch,
  type Kline,
  type LevelsReport,
  type UpdateResult,
} from 'lwc-plugin-liquidation-heatmap';

declare const container: HTMLElement;
declare const kline: Kline;

const chart = createChart(container);
const candles = chart.addSeries(CandlestickSeries);
const heatmap = createLiquidationHeatmap(candles, { threshold: 0.1, levels: { top: 5 } });

const fromKline: UpdateResult = heatmap.update(kline);
void fromKline;
const report: LevelsReport | null = heatmap.levels();
void report;

// The README's tooltip line compiles under strict TypeScript: param.time is lightweight-charts' Time.
chart.subscribeCrosshairMove((param) => {
  if (param.time !== undefined) heatmap.densityAt(param.time, 100);
});
heatmap.densityAt('2024-05-01', 100);
heatmap.densityAt({ year: 2024, month: 5, day: 1 }, 100);
const same: typeof candles = heatmap.getSeries();
void same;
const fromRaw: UpdateResult = heatmap.update([0, '1', '2', '0.5', '1.5', '10']);
void fromRaw;

// @ts-expect-error threshold is a number
heatmap.applyOptions({ threshold: 'high' });
// @ts-expect-error unknown option
const patch: HeatmapOptionsPatch = { thresold: 0.2 };
void patch;

const model = new LiquidationModel({ rows: 300 });
// @ts-expect-error the model's bars are read-only: length cannot be assigned
model.klines.length = 3;
const column: ColumnView = model.columnAt(0);
// @ts-expect-error column views are read-only
column.long[0] = 1;
// @ts-expect-error the revision is read-only
model.revision.data = 1;

// @ts-expect-error the storage layout is not published
void model.columns;
