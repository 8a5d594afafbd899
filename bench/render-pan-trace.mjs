/**
 * Main-thread CPU time of animation-frame callbacks, from Chromium's trace: on a machine shared with
 * other jobs a frame's wall time includes the time the renderer was not running, its thread time does
 * not. `withFrameCpu(page, run)` traces while `run()` runs and returns its result with `cpuMs(id)`,
 * the thread time (ms) of the callback with that id (`FireAnimationFrame` events), or null.
 */
export async function withFrameCpu(page, run) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (message) => events.push(...message.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  let result;
  try {
    result = await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const byId = new Map();
  for (const e of events) {
    if (e.name === 'FireAnimationFrame' && e.ph === 'X' && typeof e.tdur === 'number') byId.set(e.args?.data?.id, e.tdur / 1000);
  }
  return { result, cpuMs: (id) => byId.get(id) ?? null };
}
