// @ts-check
// The demo page: a trader's view of the liquidation heatmap and levels over live (or replayed) candles.
import { createApp } from './app.js';
import { readState } from './url-state.js';

/** @returns {Promise<void>} */
const afterNextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

// Parsing the page and the scripts is one task and the page's first frame another; creating the chart
// (canvases, layout) comes after that frame, in its own task.
await afterNextFrame();
const app = createApp(readState(location.search));
window.demo = app.handles;

// The first number formatter loads the locale data (about 25 ms here): pay for it while the network works, not in the task that shows the levels.
setTimeout(() => window.LiqHeatmap.formatPrice(100_000), 0);

/** @type {Promise<import('./data-feed.js').DemoConfig>} */
const config = fetch('/api/config')
  .then((r) => r.json())
  .catch(() => ({ mode: 'live' }));
// Klines are asked for once the page has painted its (empty) chart: that first frame is page start-up
// and should not land in the middle of the load.
Promise.all([config, afterNextFrame()]).then(([c]) => app.start(c));
