import { frameKey } from './bundle-mapper.mjs';

/**
 * Self and total time per function of the CPU-profile samples that fall inside the profiled run's long
 * tasks. The profile's clock is aligned to the page's `performance.now()` through the init script's
 * busy marker (samples inside `__benchClockMarker`).
 */
export function attribute(run, config, mapper) {
  const { profile, marker } = run;
  const out = { tasks: run.longTasks.length, longestTaskMs: run.longestTaskMs, loadMs: run.loadMs, top: [], inclusive: [], perTask: [], coverage: null, problem: null };
  if (!profile || !marker) {
    out.problem = 'no profile or marker';
    return out;
  }
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isMarker = new Map();
  const markerOf = (id) => {
    if (isMarker.has(id)) return isMarker.get(id);
    const n = nodes.get(id);
    const v = n.callFrame.functionName === '__benchClockMarker' || (parent.has(id) && markerOf(parent.get(id)));
    isMarker.set(id, v);
    return v;
  };
  const times = new Float64Array(profile.samples.length);
  let t = profile.startTime;
  for (let i = 0; i < times.length; i++) times[i] = t += profile.timeDeltas[i];
  const markerTimes = [];
  for (let i = 0; i < times.length; i++) if (markerOf(profile.samples[i])) markerTimes.push(times[i]);
  if (markerTimes.length === 0) {
    out.problem = 'clock marker not found in the profile (the page ran in another renderer?)';
    return out;
  }
  const markerMid = (markerTimes[0] + markerTimes[markerTimes.length - 1]) / 2 / 1000;
  const offset = markerMid - (marker.start + marker.end) / 2; // profile ms - page ms
  const weight = (i) => (i + 1 < times.length ? times[i + 1] - times[i] : config.profileSamplingUs) / 1000;
  const stackKeys = (id) => {
    const keys = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const n = nodes.get(cur);
      if (n.callFrame.functionName !== '(root)') keys.add(frameKey(n.callFrame, mapper));
    }
    return keys;
  };
  const self = new Map();
  const total = new Map();
  let sampled = 0;
  let taskMs = 0;
  for (const task of run.longTasks) {
    const from = (task.start + offset) * 1000;
    const to = (task.start + task.duration + offset) * 1000;
    const taskSelf = new Map();
    const taskTotal = new Map();
    let lo = 0;
    while (lo < times.length && times[lo] < from) lo++;
    for (let i = lo; i < times.length && times[i] <= to; i++) {
      const w = weight(i);
      const id = profile.samples[i];
      const key = frameKey(nodes.get(id).callFrame, mapper);
      for (const m of [self, taskSelf]) m.set(key, (m.get(key) ?? 0) + w);
      for (const k of stackKeys(id)) for (const m of [total, taskTotal]) m.set(k, (m.get(k) ?? 0) + w);
      sampled += w;
    }
    taskMs += task.duration;
    out.perTask.push({
      start: task.start,
      duration: task.duration,
      phase: task.phase,
      self: top(taskSelf, 4),
      entry: top(taskTotal, 60).filter((e) => /\((demo\/page|src\/|plugin\/)/.test(e.fn)).slice(0, 4),
      vendor: top(taskTotal, 60).filter((e) => /lightweight-charts/.test(e.fn)).slice(0, 4),
    });
  }
  out.coverage = { sampledMs: sampled, taskMs };
  out.top = top(self, config.topFunctions);
  out.inclusive = top(total, 40).filter((e) => /\((demo\/page|src\/|plugin\/)/.test(e.fn)).slice(0, config.topFunctions);
  return out;
}

function top(map, n) {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, ms]) => ({ fn, ms }));
}
