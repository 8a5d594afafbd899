import type { JitterSpread, Spread } from './density-jitter';

const num = (v: number | null) => (v === null ? '-' : v.toFixed(2));
const spread = (s: Spread) => (s.median === null ? '-' : `${num(s.median)} [${num(s.low)}, ${num(s.high)}]`);

/** The lifts' spread under density jitter as a table (median [5th, 95th percentile] over the draws) with what it means. */
export function formatJitter(j: JitterSpread): string {
  const w = [13, 18, 18, 18, 18];
  const row = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  const amplitude = `${+(100 * j.amplitude).toPrecision(6)} %`;
  return [
    `Heatmap lift under density jitter: every row's density and prior score x (1 + u), u uniform within ±${amplitude}, ${j.draws} draws (seed ${j.seed}); median [5th, 95th percentile]`,
    `(how much the figure depends on near-ties: density differences under ${amplitude} that decide which rows make the top 20 %)`,
    row(['', 'model, by USD', 'prior, by USD', 'model, by count', 'prior, by count']),
    ...(['long', 'short', 'pooled'] as const).map((g) => row([g, spread(j[g].usd.heatmapLift), spread(j[g].usd.priorLift), spread(j[g].count.heatmapLift), spread(j[g].count.priorLift)])),
  ].join('\n');
}
