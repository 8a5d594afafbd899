// Part of render-bench.html (see render-bench.js): the per-cell fillRect baseline.
(function () {
  'use strict';
  var parts = (window.renderBenchParts = window.renderBenchParts || {});

  /**
   * The baseline of the benchmark: every non-transparent visible cell of the heatmap as one fillRect,
   * geometry and colour strings precomputed (the timed frame is fillStyle + fillRect per cell only).
   * Returns its draw function and the figures `renderBench.info()` reports.
   */
  function baselineCells(primitive, chart, series, bitmapSize, hpr, vpr) {
    var visibleReference = parts.visibleReference;
    var rampAt = parts.rampAt;
    var parseHex = parts.parseHex;
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
  for (var e = 0; e <= rows; e++) edges[e] = series.priceToCoordinate(Math.exp(grid.lnMin + e * grid.lnStep));
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

    return {
      draw: drawBaseline,
      c0: c0,
      c1: c1,
      spacing: spacing,
      rows: rows,
      rowsInPane: rowsInPane,
      visibleCells: visibleCells,
      colouredCells: colouredCells,
      fillRects: fillRects,
      colours: styles.length,
      reference: reference,
      threshold: threshold,
      opacity: opacity,
    };
  }

  parts.baselineCells = baselineCells;
})();
