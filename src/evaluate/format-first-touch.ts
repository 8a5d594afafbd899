import type { FirstTouchResult, ShareRead } from './first-touch';

const share = (r: ShareRead) =>
  r.share.value === null ? '-' : `${(100 * r.share.value).toFixed(1)}% [${(100 * (r.share.low ?? NaN)).toFixed(1)}, ${(100 * (r.share.high ?? NaN)).toFixed(1)}]`;
const walk = (r: ShareRead) => (r.randomWalk === null ? '-' : `${(100 * r.randomWalk).toFixed(1)}%`);
const points = (v: number | null) => (v === null ? '-' : `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)}`);
const over = (r: ShareRead) => (r.overRandomWalk.value === null ? '-' : `${points(r.overRandomWalk.value)} [${points(r.overRandomWalk.low)}, ${points(r.overRandomWalk.high)}]`);

/** The first-touch result as a short table, each share beside what a driftless random walk gives on the same cases. */
export function formatFirstTouch(title: string, r: FirstTouchResult, horizonLabel: string): string {
  const count = (t: string) => r.cases.filter((c) => c.first === t).length;
  const w = [52, 6, 22, 12, 22];
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [
    `${title}: which nearest significant level does price reach first within ${horizonLabel}?`,
    `${r.cuts} cuts; ${r.withoutLevels} without a significant level on one side; of the ${r.cases.length} others: ${count('above') + count('below')} decided, ${count('both')} reached both in one bar (order unknown, left out), ${count('neither')} reached neither.`,
    '',
    row(['', 'cases', 'share [90 % interval]', 'random walk', 'over it, points [90 %]']),
    row(['nearer level reached first', String(r.nearer.cases), share(r.nearer), walk(r.nearer), over(r.nearer)]),
    row(['stronger level first (distances within 0.67-1.5x)', String(r.stronger.cases), share(r.stronger), walk(r.stronger), over(r.stronger)]),
    row(['bias side reached first (long-flush: below)', String(r.bias.cases), share(r.bias), walk(r.bias), over(r.bias)]),
    '',
    'Random walk: the share a driftless random walk would give on the same cases (the other level\'s distance over both distances);',
    'a read adds information only where its share is above that. Intervals resample blocks of cuts one horizon long.',
  ].join('\n');
}
