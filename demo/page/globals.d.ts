// The globals the demo page's scripts see: the two UMD bundles index.html loads before main.js, and the
// handles main.js leaves on window for the browser tests.
import type * as LightweightChartsModule from 'lightweight-charts';
import type * as LiqHeatmapModule from '../../plugin/index';
import type { DemoHandles } from './app.js';

declare global {
  interface Window {
    /** lightweight-charts' standalone bundle (`/vendor/lightweight-charts.standalone.production.js`). */
    LightweightCharts: typeof LightweightChartsModule;
    /** This project's UMD bundle (`/dist/index.umd.js`). */
    LiqHeatmap: typeof LiqHeatmapModule;
    /** The page's handles, for the browser tests and the console. */
    demo: DemoHandles;
  }
}

export {};
