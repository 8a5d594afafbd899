// Page logic of pan-bench.html. Query: ?visible=V&width=W&height=H&rows=R. A W x H chart of
// syntheticKlines(V + 2 * 240) candles with the overlay (R model rows), the last V bars in view. Then
// window.panBench.pan({ frames, shown }) pans one bar a frame (left, then back right) with the overlay
// shown or hidden (heatmap and levels) and returns lightweight-charts' paint time of each frame (see
// paint-timer.js). Sets <html data-ready> (or data-error).
(function () {
  'use strict';
  var root = document.documentElement;
  var MARGIN = 240;

  var intParam = window.benchChart.intParam;

  async function main() {
    var visible = intParam('visible', 500);
    var width = intParam('width', 1200);
    var height = intParam('height', 700);
    var rows = intParam('rows', 500);
    var bars = visible + 2 * MARGIN;
    var klines = LiqHeatmap.syntheticKlines(bars);
    var built = window.benchChart.chartWithOverlay(klines, width, height, rows);
    var container = built.container;
    var chart = built.chart;
    var heatmap = built.heatmap;
    var timeScale = chart.timeScale();
    var from = bars - MARGIN - visible - 0.5;
    timeScale.setVisibleLogicalRange({ from: from, to: from + visible });
    var pane = window.renderBenchParts.paneCanvas(container);
    var ctx = pane.getContext('2d');
    window.paintTimer.setFlush(function () {
      ctx.getImageData(0, 0, 1, 1);
    });
    await window.waitFrames(10);

    function frame() {
      return new Promise(function (resolve) {
        window.paintTimer.own(function () {
          resolve();
        });
      });
    }

    window.panBench = {
      // For poking at by hand (devtools, ad-hoc scripts); the benchmark uses the functions below.
      chart: chart,
      heatmap: heatmap,
      info: function () {
        return { devicePixelRatio: devicePixelRatio, crossOriginIsolated: self.crossOriginIsolated === true, bitmap: { width: pane.width, height: pane.height }, bars: bars };
      },
      /** Pans `frames` frames one bar each (left, then right), the overlay shown or hidden; paint ms per frame. */
      pan: async function (opts) {
        heatmap.applyOptions({ heatmapVisible: opts.shown, levelsVisible: opts.shown });
        for (var w = 0; w < 20; w++) await frame();
        window.paintTimer.take();
        var offset = 0;
        var step = -1;
        for (var i = 0; i < opts.frames; i++) {
          if (offset + step < -MARGIN + 1 || offset + step > MARGIN - 1) step = -step;
          offset += step;
          timeScale.setVisibleLogicalRange({ from: from + offset, to: from + offset + visible });
          await frame();
        }
        await frame();
        var samples = window.paintTimer.take();
        timeScale.setVisibleLogicalRange({ from: from, to: from + visible });
        await frame();
        return samples;
      },
    };
    root.dataset.ready = '1';
  }

  main().catch(function (error) {
    root.dataset.error = String((error && error.stack) || error);
    console.error('pan-bench.js failed:', error);
  });
})();
