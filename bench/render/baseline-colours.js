// Part of render-bench.html (see render-bench.js): the baseline's colours, as the overlay's palette and normalisation.
(function () {
  'use strict';
  var parts = (window.renderBenchParts = window.renderBenchParts || {});

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

  parts.parseHex = parseHex;
  parts.rampAt = rampAt;
  parts.visibleReference = visibleReference;
})();
