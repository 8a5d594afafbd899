// Page logic of pan-bench.html. Query: ?visible=V&width=W&height=H&rows=R. A W x H chart of
// syntheticKlines(V + 2 * 240) candles with the overlay (R model rows), the last V bars in view. Then
// window.panBench.panAB({ frames, block, settle }) pans one bar a frame (left, then back right) with the
// overlay shown and hidden (heatmap and levels) in alternating blocks over the same bars and returns
// lightweight-charts' paint time of each frame (see paint-timer.js). Sets <html data-ready> (or data-error).
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
      /**
       * Pans `frames` frames one bar each (left, then right) twice over, the overlay shown and hidden
       * (heatmap and levels) in alternating blocks of `block` frames: each block's positions are panned
       * shown and then hidden (or the other way round, alternating), each after `settle` untimed frames
       * at the block's start, so both see the same bars and the same load on the machine.
       * Returns the paint ms of every timed frame and the ids of their animation-frame callbacks,
       * { shown, hidden, shownIds, hiddenIds }.
       */
      panAB: async function (opts) {
        var out = { shown: [], hidden: [], shownIds: [], hiddenIds: [] };
        var offset = 0;
        var step = -1;
        for (var done = 0, b = 0; done < opts.frames; b++) {
          var n = Math.min(opts.block, opts.frames - done);
          var path = [];
          for (var i = 0; i < n; i++) {
            if (offset + step < -MARGIN + 1 || offset + step > MARGIN - 1) step = -step;
            offset += step;
            path.push(offset);
          }
          var start = path[0] - (path.length > 1 ? path[1] - path[0] : step);
          var order = b % 2 ? [false, true] : [true, false];
          for (var k = 0; k < 2; k++) {
            heatmap.applyOptions({ heatmapVisible: order[k], levelsVisible: order[k] });
            timeScale.setVisibleLogicalRange({ from: from + start, to: from + start + visible });
            for (var w = 0; w < opts.settle; w++) await frame();
            window.paintTimer.take();
            for (var j = 0; j < path.length; j++) {
              timeScale.setVisibleLogicalRange({ from: from + path[j], to: from + path[j] + visible });
              await frame();
            }
            await frame();
            var taken = window.paintTimer.take();
            Array.prototype.push.apply(order[k] ? out.shown : out.hidden, taken.times.slice(0, path.length));
            Array.prototype.push.apply(order[k] ? out.shownIds : out.hiddenIds, taken.ids.slice(0, path.length));
          }
          done += n;
        }
        heatmap.applyOptions({ heatmapVisible: true, levelsVisible: true });
        timeScale.setVisibleLogicalRange({ from: from, to: from + visible });
        await frame();
        return out;
      },
    };
    root.dataset.ready = '1';
  }

  main().catch(function (error) {
    root.dataset.error = String((error && error.stack) || error);
    console.error('pan-bench.js failed:', error);
  });
})();
