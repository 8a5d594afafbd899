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
(function () {
  'use strict';
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);

  function intParam(name, fallback) {
    var raw = params.get(name);
    if (raw === null) return fallback;
    var v = Number(raw);
    if (!Number.isInteger(v) || v <= 0) throw new Error('query ' + name + '=' + raw + ': expected a positive integer');
    return v;
  }

  var frames = window.waitFrames;

  /** fancy-canvas' CanvasRenderingTarget2D semantics, bitmap space only (all the heatmap renderer uses). */
  function bitmapTarget(ctx, mediaSize, bitmapSize) {
    var scope = {
      context: ctx,
      mediaSize: mediaSize,
      bitmapSize: bitmapSize,
      horizontalPixelRatio: bitmapSize.width / mediaSize.width,
      verticalPixelRatio: bitmapSize.height / mediaSize.height,
    };
    return {
      useBitmapCoordinateSpace: function (f) {
        ctx.save();
        try {
          ctx.setTransform(1, 0, 0, 1, 0, 0);
          return f(scope);
        } finally {
          ctx.restore();
        }
      },
      useMediaCoordinateSpace: function (f) {
        ctx.save();
        try {
          ctx.setTransform(1, 0, 0, 1, 0, 0);
          ctx.scale(scope.horizontalPixelRatio, scope.verticalPixelRatio);
          return f({ context: ctx, mediaSize: mediaSize });
        } finally {
          ctx.restore();
        }
      },
    };
  }

  /** The pane's main canvas: the largest canvas in the chart (the first of equal ones). */
  function paneCanvas(container) {
    var best = null;
    var all = container.querySelectorAll('canvas');
    for (var i = 0; i < all.length; i++) {
      var c = all[i];
      if (!best || c.width * c.height > best.width * best.height) best = c;
    }
    if (!best) throw new Error('no canvas in the chart container');
    return best;
  }

  // Colours of the baseline ------------------------------------------------------------------------

  function parseHex(color) {
    var m = /^#([0-9a-f]{6})$/i.exec(color);
    if (!m) throw new Error('colour ' + color + ': expected #rrggbb');
    return [parseInt(m[1].slice(0, 2), 16), parseInt(m[1].slice(2, 4), 16), parseInt(m[1].slice(4, 6), 16)];
  }

  /** Linear RGB interpolation along the 5-stop purple-blue-green-yellow ramp (the overlay's default palette). */
  function rampAt(stops, t) {
    if (t <= stops[0].at) return stops[0].rgb;
    for (var i = 1; i < stops.length; i++) {
      if (t <= stops[i].at) {
        var a = stops[i - 1].rgb;
        var b = stops[i].rgb;
        var span = stops[i].at - stops[i - 1].at;
        var f = span > 0 ? (t - stops[i - 1].at) / span : 1;
        return [0, 1, 2].map(function (k) { return Math.round(a[k] + (b[k] - a[k]) * f); });
      }
    }
    return stops[stops.length - 1].rgb;
  }

  /**
   * The 98th percentile of the visible non-zero cells (long + short), sampled (at most 40 000 cells, evenly
   * strided) and stepped to a power of 2^(1/4) the way the overlay normalises, so both draw the same cells.
   */
  function visibleReference(model, rows, c0, c1, p) {
    var cells = Math.max(0, c1 - c0) * rows;
    var stride = Math.max(1, Math.floor(cells / 40000));
    var samples = [];
    for (var k = 0; k < cells; k += stride) {
      var column = model.columnAt(c0 + Math.floor(k / rows));
      var r = k % rows;
      var v = column.long[r] + column.short[r];
      if (v > 0) samples.push(v);
    }
    if (samples.length === 0) return 0;
    samples.sort(function (a, b) { return a - b; });
    var value = samples[Math.min(samples.length - 1, Math.floor(p * (samples.length - 1)))];
    return Math.pow(2, Math.round(Math.log2(value) * 4) / 4);
  }

  async function main() {
    if (typeof LightweightCharts === 'undefined') throw new Error('global LightweightCharts is missing');
    if (typeof LiqHeatmap === 'undefined') throw new Error('global LiqHeatmap is missing (dist/index.umd.js)');
    var bars = intParam('bars', 500);
    var visible = Math.min(bars, intParam('visible', bars));
    var width = intParam('width', 1200);
    var height = intParam('height', 700);
    var rowsOption = intParam('rows', 500);

    var klines = LiqHeatmap.syntheticKlines(bars);
    var candles = klines.map(function (k) {
      return { time: k.openTime / 1000, open: k.open, high: k.high, low: k.low, close: k.close };
    });

    var container = document.getElementById('chart');
    container.style.width = width + 'px';
    container.style.height = height + 'px';
    var chart = LightweightCharts.createChart(container, {
      width: width,
      height: height,
      layout: { background: { type: 'solid', color: '#ffffff' }, textColor: '#333333', attributionLogo: false },
      // 5000 bars on ~1150 px need ~0.23 px a bar; the default minimum (0.5) would refuse the zoom.
      timeScale: { minBarSpacing: 0.01, rightOffset: 0 },
    });
    var series = chart.addSeries(LightweightCharts.CandlestickSeries);
    series.setData(candles);
    var heatmap = LiqHeatmap.createLiquidationHeatmap(series, { model: { rows: rowsOption } });
    heatmap.setData(klines);
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

    // Baseline: every non-transparent visible cell as one fillRect, geometry and colour strings
    // precomputed (the timed frame is fillStyle + fillRect per cell only).
    var model = primitive.headless();
    var grid = model.grid;
    var rows = grid.rows;
    var count = model.length;
    var options = primitive.options();
    var timeScale = chart.timeScale();
    var range = timeScale.getVisibleLogicalRange();
    // The series holds exactly the klines, so model column c is logical index c.
    var c0 = Math.max(0, Math.floor(range.from));
    var c1 = Math.min(count, Math.ceil(range.to) + 1);
    var reference = visibleReference(model, rows, c0, c1, options.normalizePercentile);
    var threshold = options.threshold;
    var opacity = options.opacity;
    var LUT = 1024;
    var stops = LiqHeatmap.DENSITY_STOPS.map(function (s) { return { at: s.at, rgb: parseHex(s.color) }; })
      .sort(function (a, b) { return a.at - b.at; });
    var styleOf = new Int32Array(LUT).fill(-1);
    var styles = [];
    var spacing = timeScale.logicalToCoordinate(c0 + 1) - timeScale.logicalToCoordinate(c0);
    var edges = new Float64Array(rows + 1);
    for (var e = 0; e <= rows; e++) edges[e] = series.priceToCoordinate(grid.min + e * grid.step);
    var rect = [];
    var style = [];
    var visibleCells = 0;
    var colouredCells = 0;
    var rowsInPane = 0;
    for (var r = 0; r < rows; r++) {
      var ya = Math.round(vpr * edges[r]);
      var yb = Math.round(vpr * edges[r + 1]);
      if (Math.max(ya, yb) >= 0 && Math.min(ya, yb) < bitmapSize.height) rowsInPane++;
    }
    for (var c = c0; c < c1; c++) {
      var xm = timeScale.logicalToCoordinate(c);
      // lwc-toolkit fullBarWidth(x, barSpacing / 2, hpr), as the plugin example uses.
      var left = Math.round((xm - spacing / 2) * hpr);
      var w = Math.round((xm + spacing / 2) * hpr) - left;
      var column = model.columnAt(c);
      for (var rr = 0; rr < rows; rr++) {
        // positionsBox(low, high, vpr); the example fills length - 1 (no cell borders at this spacing).
        var p1 = Math.round(vpr * edges[rr]);
        var p2 = Math.round(vpr * edges[rr + 1]);
        var top = Math.min(p1, p2);
        var h = Math.abs(p2 - p1);
        if (left + w <= 0 || left >= bitmapSize.width || top + h <= 0 || top >= bitmapSize.height) continue;
        visibleCells++;
        var v = column.long[rr] + column.short[rr];
        if (!(v > 0) || !(reference > 0)) continue;
        var idx = (v * (LUT - 1)) / reference;
        var k = idx >= LUT - 1 ? LUT - 1 : idx | 0;
        var t = k / (LUT - 1);
        if (t <= 0 || t < threshold) continue; // transparent, as the overlay's threshold
        colouredCells++;
        if (w <= 0 || h <= 0) continue; // zero-area rectangles (sub-pixel columns) are left out: favours the baseline
        if (styleOf[k] < 0) {
          var rgb = rampAt(stops, t);
          var alpha = Math.round(255 * opacity * (0.35 + 0.65 * t)) / 255;
          styleOf[k] = styles.length;
          styles.push('rgba(' + rgb[0] + ',' + rgb[1] + ',' + rgb[2] + ',' + alpha.toFixed(4) + ')');
        }
        rect.push(left, top, w, h);
        style.push(styleOf[k]);
      }
    }
    var rects = new Int32Array(rect);
    var styleIndex = new Int32Array(style);
    var fillRects = styleIndex.length;

    function drawBaseline(target) {
      target.useBitmapCoordinateSpace(function (scope) {
        var ctx = scope.context;
        for (var i = 0, j = 0; i < fillRects; i++, j += 4) {
          ctx.fillStyle = styles[styleIndex[i]];
          ctx.fillRect(rects[j], rects[j + 1], rects[j + 2], rects[j + 3]);
        }
      });
    }

    function drawOverlay(target) {
      renderer.drawBackground(target);
    }

    function surface() {
      var canvas = document.createElement('canvas');
      canvas.width = bitmapSize.width;
      canvas.height = bitmapSize.height;
      var ctx = canvas.getContext('2d', { willReadFrequently: false });
      if (!ctx) throw new Error('no 2d context');
      return { canvas: canvas, ctx: ctx, target: bitmapTarget(ctx, mediaSize, bitmapSize) };
    }
    var surfaces = { overlay: surface(), baseline: surface(), empty: surface() };
    // 'empty': clearRect + 1-pixel getImageData alone, the floor under every timed frame.
    var draws = { overlay: drawOverlay, baseline: drawBaseline, empty: function () {} };

    function frame(kind) {
      var s = surfaces[kind];
      var draw = draws[kind];
      var t0 = performance.now();
      s.ctx.clearRect(0, 0, bitmapSize.width, bitmapSize.height);
      draw(s.target);
      s.ctx.getImageData(0, 0, 1, 1);
      return performance.now() - t0;
    }

    /** Non-transparent pixels after one (untimed) draw, and the drawImage / fillRect calls it made. */
    function inspect(kind) {
      var s = surfaces[kind];
      var calls = { drawImage: 0, fillRect: 0 };
      var ctx = s.ctx;
      ctx.drawImage = function () { calls.drawImage++; return CanvasRenderingContext2D.prototype.drawImage.apply(this, arguments); };
      ctx.fillRect = function () { calls.fillRect++; return CanvasRenderingContext2D.prototype.fillRect.apply(this, arguments); };
      try {
        ctx.clearRect(0, 0, bitmapSize.width, bitmapSize.height);
        draws[kind](s.target);
      } finally {
        delete ctx.drawImage;
        delete ctx.fillRect;
      }
      var data = ctx.getImageData(0, 0, bitmapSize.width, bitmapSize.height).data;
      var coloured = 0;
      for (var i = 3; i < data.length; i += 4) if (data[i] !== 0) coloured++;
      return { colouredPixels: coloured, totalPixels: bitmapSize.width * bitmapSize.height, calls: calls };
    }

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
          visibleColumns: c1 - c0,
          barSpacing: spacing,
          modelRows: rows,
          rowsInPane: rowsInPane,
          visibleCells: visibleCells,
          colouredCells: colouredCells,
          fillRects: fillRects,
          colours: styles.length,
          reference: reference,
          threshold: threshold,
          opacity: opacity,
        };
      },
      /**
       * Times `kind` ('overlay' | 'baseline'): `warmup` untimed frames, then frames until at least
       * `minFrames` and either `maxFrames` or `budgetMs` of timed frames. Returns the per-frame ms.
       */
      measure: function (kind, opts) {
        if (!draws[kind]) throw new Error('unknown kind ' + kind);
        for (var i = 0; i < opts.warmup; i++) frame(kind);
        var samples = [];
        var spent = 0;
        while (samples.length < opts.maxFrames && (samples.length < opts.minFrames || spent < opts.budgetMs)) {
          var ms = frame(kind);
          samples.push(ms);
          spent += ms;
        }
        return samples;
      },
      inspect: inspect,
      /**
       * What surrounds the draw in a real chart (diagnostics, not the benchmark): medians of
       * `updateAllViews()` with nothing changed; of a full cell-image repaint (`applyOptions` of a paint
       * option, `updateAllViews()`, then one overlay frame); of a tick of the forming bar (`update(kline)`,
       * `updateAllViews()`, one overlay frame). Leaves the options as they were.
       */
      extras: function (opts) {
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
        var s = surfaces.overlay;
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
      },
    };
    root.dataset.ready = '1';
  }

  main().catch(function (error) {
    root.dataset.error = String((error && error.stack) || error);
    console.error('render-bench.js failed:', error);
  });
})();
