/**
 * Runs in the page before any of its scripts: the long-task observer, the ready time and every text of
 * the progress line (with its time), and for the profiled run a 4 ms busy marker to align clocks.
 * `page.addInitScript` sends its source text, so it uses nothing from this module's scope.
 */
export function installProbe(withMarker) {
  const rec = { longTasks: [], progress: [], readyAt: null, errorAt: null, observer: 'ok', marker: null };
  Object.defineProperty(window, '__demoLoad', { value: rec });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    rec.observer = String(error);
  }
  if (withMarker) {
    const __benchClockMarker = () => {
      const start = performance.now();
      let spins = 0;
      while (performance.now() - start < 4) spins++;
      return { start, end: performance.now(), spins };
    };
    rec.marker = __benchClockMarker();
  }
  document.addEventListener('DOMContentLoaded', () => {
    const html = document.documentElement;
    new MutationObserver(() => {
      if (rec.readyAt === null && html.dataset.ready !== undefined) rec.readyAt = performance.now();
      if (rec.errorAt === null && html.dataset.error !== undefined) rec.errorAt = performance.now();
    }).observe(html, { attributes: true, attributeFilter: ['data-ready', 'data-error'] });
    const progress = document.getElementById('progress');
    if (progress) {
      new MutationObserver(() => rec.progress.push({ t: performance.now(), text: progress.textContent })).observe(progress, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    }
  });
}
