// The demo page's handles on `window.demo` (demo/page/app.js), as the browser tests read them.
import type { IChartApi, ISeriesApi } from 'lightweight-charts';
import type { LiquidationHeatmap } from '../../plugin/create-liquidation-heatmap';
import type { TradePlan } from '../../src/levels/plan-trade';

declare global {
  interface Window {
    demo: {
      chart: IChartApi;
      candles: ISeriesApi<'Candlestick'>;
      candleWindow: { shown(): number; total(): number };
      heatmap: LiquidationHeatmap;
      state: { planSide: '' | 'long' | 'short'; planEntry: number; planBuffer: number; alertPct: number; symbol: string; interval: string };
      planner: { current(): TradePlan | null; refresh(): void };
      /** A price as the panels write it: the chart's decimals, thousands separators. */
      formatPrice(price: number): string;
    };
  }
}

export {};
