// Part of render-bench.html (see render-bench.js): timed frames of each kind of draw.
(function () {
  'use strict';
  var parts = (window.renderBenchParts = window.renderBenchParts || {});

  /**
   * One canvas of the pane's bitmap size per kind of draw (`draws`: kind -> draw(target)), and the timed
   * frame, the measuring loop and the pixel inspection over them.
   */
  function timedFrames(bitmapSize, mediaSize, draws) {
    var bitmapTarget = parts.bitmapTarget;
  function surface() {
    var canvas = document.createElement('canvas');
    canvas.width = bitmapSize.width;
    canvas.height = bitmapSize.height;
    var ctx = canvas.getContext('2d', { willReadFrequently: false });
    if (!ctx) throw new Error('no 2d context');
    return { canvas: canvas, ctx: ctx, target: bitmapTarget(ctx, mediaSize, bitmapSize) };
  }
    var surfaces = {};
    Object.keys(draws).forEach(function (kind) {
      surfaces[kind] = surface();
    });

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

    /**
     * Times `kind` ('overlay' | 'baseline'): `warmup` untimed frames, then frames until at least
     * `minFrames` and either `maxFrames` or `budgetMs` of timed frames. Returns the per-frame ms.
     */
    function measure(kind, opts) {
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
    }

    return { surfaces: surfaces, measure: measure, inspect: inspect };
  }

  parts.timedFrames = timedFrames;
})();
