// Part of pan-bench.html, loaded before lightweight-charts: times every animation-frame callback that is
// not the page's own (lightweight-charts draws in one), plus a 1-pixel getImageData of the pane canvas
// right after it so the canvas raster is inside the time. window.paintTimer.take() returns and clears
// the times (ms) and the callbacks' ids (Chromium's trace names each FireAnimationFrame by that id);
// window.paintTimer.own(cb) schedules a page callback that is not timed.
(function () {
  'use strict';
  var raf = window.requestAnimationFrame.bind(window);
  var times = [];
  var ids = [];
  var flush = null;
  window.requestAnimationFrame = function (callback) {
    var id = raf(function (time) {
      var t0 = performance.now();
      callback(time);
      if (flush) flush();
      times.push(performance.now() - t0);
      ids.push(id);
    });
    return id;
  };
  window.paintTimer = {
    own: function (callback) {
      return raf(callback);
    },
    setFlush: function (f) {
      flush = f;
    },
    take: function () {
      var out = { times: times, ids: ids };
      times = [];
      ids = [];
      return out;
    },
  };
})();
