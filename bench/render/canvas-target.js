// Part of render-bench.html (see render-bench.js): drawing targets and the chart's pane canvas.
(function () {
  'use strict';
  var parts = (window.renderBenchParts = window.renderBenchParts || {});

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

  parts.bitmapTarget = bitmapTarget;
  parts.paneCanvas = paneCanvas;
})();
