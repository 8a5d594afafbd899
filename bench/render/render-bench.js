// Page logic of render-bench.html (served by test/browser/static-server.mjs under /bench/, strict CSP:
// no inline script, no eval). Query: ?bars=N&visible=V&width=W&height=H (CSS px).
//
// Builds a W x H chart with a candlestick series of LiqHeatmap.syntheticKlines(N), attaches the overlay
// (createLiquidationHeatmap, 500 model rows), shows the last V bars and waits for the chart to render;
// then sets <html data-ready> (or data-error="..."). bench/render-bench.mjs drives window.renderBench:
//
// - subject: the renderer the library itself draws (primitive.updateAllViews(), paneViews()[0].renderer()),
//   its drawBackground(target) into a separate canvas of the pane's bitmap size, `target` implementing
//   fancy-canvas' useBitmapCoordinateSpace;
// - baseline: the same visible cells drawn the way lightweight-charts' heatmap-series plugin example does,
//   one fillStyle + fillRect per non-transparent cell, through the same kind of target.
//
// Every timed frame is clearRect + draw + a 1-pixel getImageData (forces the raster), timed with
// performance.now().
//
// The parts, loaded before this script as window.renderBenchParts: canvas-target.js (fancy-canvas-like
// target, the pane canvas), baseline-colours.js and baseline-cells.js (the baseline), timed-frames.js
// (surfaces, timed frames, pixel inspection) and extras.js (diagnostics around the draw).
(function () {
  'use strict';
  var root = document.documentElement;
  var parts = window.renderBenchParts;
  var paneCanvas = parts.paneCanvas;

  var intParam = window.benchChart.intParam;

  var frames = window.waitFrames;

  async function main() {
    if (typeof LightweightCharts === 'undefined') throw new Error('global LightweightCharts is missing');
    if (typeof LiqHeatmap === 'undefined') throw new Error('global LiqHeatmap is missing (dist/index.umd.js)');
    var bars = intParam('bars', 500);
    var visible = Math.min(bars, intParam('visible', bars));
    var width = intParam('width', 1200);
    var height = intParam('height', 700);
    var rowsOption = intParam('rows', 500);

    var klines = LiqHeatmap.syntheticKlines(bars);
    var built = window.benchChart.chartWithOverlay(klines, width, height, rowsOption);
    var container = built.container;
    var chart = built.chart;
    var series = built.series;
    var heatmap = built.heatmap;
    chart.timeScale().setVisibleLogicalRange({ from: bars - visible - 0.5, to: bars - 0.5 });

    // Wait for the chart to render (it calls updateAllViews, which hands the pane view a renderer).
    var primitive = heatmap.primitive;
    for (var waited = 0; ; waited++) {
      await frames(1);
      var pc = paneCanvas(container);
      if (waited >= 3 && primitive.paneViews()[0].renderer() && pc.width > 0) break;
      if (waited > 120) throw new Error('the chart did not render the heatmap within 120 frames');
    }

    var pane = paneCanvas(container);
    var bitmapSize = { width: pane.width, height: pane.height };
    var mediaSize = { width: pane.clientWidth, height: pane.clientHeight };
    var hpr = bitmapSize.width / mediaSize.width;
    var vpr = bitmapSize.height / mediaSize.height;

    // Subject: the renderer the library itself would draw.
    primitive.updateAllViews();
    var renderer = primitive.paneViews()[0].renderer();
    if (!renderer) throw new Error('the heatmap pane view has no renderer after updateAllViews()');

    var baseline = parts.baselineCells(primitive, chart, series, bitmapSize, hpr, vpr);
    var timeScale = chart.timeScale();

    function drawOverlay(target) {
      renderer.drawBackground(target);
    }

    // 'empty': clearRect + 1-pixel getImageData alone, the floor under every timed frame.
    var timed = parts.timedFrames(bitmapSize, mediaSize, { overlay: drawOverlay, baseline: baseline.draw, empty: function () {} });

    window.renderBench = {
      // For poking at by hand (devtools, ad-hoc scripts); the benchmark uses the functions below.
      chart: chart,
      series: series,
      heatmap: heatmap,
      info: function () {
        var r2 = timeScale.getVisibleLogicalRange();
        return {
          devicePixelRatio: devicePixelRatio,
          crossOriginIsolated: self.crossOriginIsolated === true,
          chart: { width: container.clientWidth, height: container.clientHeight },
          pane: { media: mediaSize, bitmap: bitmapSize, horizontalPixelRatio: hpr, verticalPixelRatio: vpr },
          bars: bars,
          visibleRange: { from: r2.from, to: r2.to },
          visibleColumns: baseline.c1 - baseline.c0,
          barSpacing: baseline.spacing,
          modelRows: baseline.rows,
          rowsInPane: baseline.rowsInPane,
          visibleCells: baseline.visibleCells,
          colouredCells: baseline.colouredCells,
          fillRects: baseline.fillRects,
          colours: baseline.colours,
          reference: baseline.reference,
          threshold: baseline.threshold,
          opacity: baseline.opacity,
        };
      },
      measure: timed.measure,
      inspect: timed.inspect,
      extras: function (opts) {
        return parts.extras(opts, { primitive: primitive, heatmap: heatmap, klines: klines, surface: timed.surfaces.overlay, bitmapSize: bitmapSize });
      },
    };
    root.dataset.ready = '1';
  }

  main().catch(function (error) {
    root.dataset.error = String((error && error.stack) || error);
    console.error('render-bench.js failed:', error);
  });
})();
