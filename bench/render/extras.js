// Part of render-bench.html (see render-bench.js): the diagnostics around the draw.
(function () {
  'use strict';
  var parts = (window.renderBenchParts = window.renderBenchParts || {});

  /**
   * What surrounds the draw in a real chart (diagnostics, not the benchmark): medians of
   * `updateAllViews()` with nothing changed; of a full cell-image repaint (`applyOptions` of a paint
   * option, `updateAllViews()`, then one overlay frame); of a tick of the forming bar (`update(kline)`,
   * `updateAllViews()`, one overlay frame). Leaves the options as they were. `subject`: the page's
   * `primitive`, `heatmap`, `klines`, the overlay's `surface` and the pane's `bitmapSize`.
   */
  function extras(opts, subject) {
    var primitive = subject.primitive;
    var heatmap = subject.heatmap;
    var klines = subject.klines;
    var bitmapSize = subject.bitmapSize;
    function median(xs) {
      var a = xs.slice().sort(function (x, y) { return x - y; });
      var m = a.length >> 1;
      return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
    }
    function timed(n, fn) {
      var out = [];
      for (var i = 0; i < n; i++) {
        var t0 = performance.now();
        fn(i);
        out.push(performance.now() - t0);
      }
      return out;
    }
    var s = subject.surface;
    function overlayFrame() {
      s.ctx.clearRect(0, 0, bitmapSize.width, bitmapSize.height);
      primitive.paneViews()[0].renderer().drawBackground(s.target);
      s.ctx.getImageData(0, 0, 1, 1);
    }
    timed(3, function () { primitive.updateAllViews(); });
    var views = timed(opts.views, function () { primitive.updateAllViews(); });
    var threshold0 = primitive.options().threshold;
    var repaint = timed(opts.repaints, function (i) {
      heatmap.applyOptions({ threshold: i % 2 ? threshold0 : threshold0 + 1e-6 });
      primitive.updateAllViews();
      overlayFrame();
    });
    heatmap.applyOptions({ threshold: threshold0 });
    primitive.updateAllViews();
    var last = klines[klines.length - 1];
    var tick = timed(opts.ticks, function (i) {
      var f = (i % 20) / 19;
      var close = last.low + (last.high - last.low) * f;
      var result = heatmap.update(Object.assign({}, last, { close: close, volume: last.volume * (1 + i / 1000) }));
      if (result !== 'forming') throw new Error('tick ' + i + ': update() returned ' + result + ', expected forming');
      primitive.updateAllViews();
      overlayFrame();
    });
    heatmap.update(last);
    primitive.updateAllViews();
    return {
      updateAllViews: { median: median(views), runs: views.length },
      repaintFrame: { median: median(repaint), runs: repaint.length },
      tickFrame: { median: median(tick), runs: tick.length },
    };
  }

  parts.extras = extras;
})();
