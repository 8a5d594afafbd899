/** One case over its loads: the worst long tasks, the median load time, every load's sanity. */
export function summarise(runs) {
  const first = runs[0];
  const worst = runs.reduce((a, b) => (b.longestTaskMs > a.longestTaskMs ? b : a));
  const problems = runs.flatMap((r, i) => r.sanity.problems.map((p) => (runs.length > 1 ? `load ${i + 1}: ${p}` : p)));
  return {
    id: first.id,
    label: first.label,
    spec: first.spec,
    runs,
    bars: first.bars,
    candles: first.candles,
    pages: first.pages,
    loadMs: median(runs.map((r) => r.loadMs)),
    longTasks: runs.flatMap((r) => r.longTasks),
    longestTaskMs: worst.longestTaskMs,
    startupLongestMs: Math.max(...runs.map((r) => r.startupLongestMs)),
    progressSeen: runs.every((r) => r.progressSeen),
    progressSummary: first.progressSummary,
    sanity: { ok: problems.length === 0, problems },
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
