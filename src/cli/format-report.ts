import { formatNotional, formatPct, formatPrice } from '../levels/format-level';
import type { Level, LevelsReport } from '../levels/level';
import type { WarmupStatus } from '../model/warmup';

/** The levels report as a readable table for a terminal. */
export function formatReport(report: LevelsReport, title: string, mmrNote?: string): string {
  const unitNote = report.unit === 'usd' ? 'estimated USD notional' : 'relative heat (no open interest given)';
  const lines = [
    `${title}  ${isoMinute(report.time)} UTC  price ${formatPrice(report.price)}`,
    `Estimated liquidation levels, not exchange data. Size: ${unitNote}. Sweep rule: ${report.sweepRule}.`,
    '',
    'ABOVE: shorts liquidated (squeeze zones), nearest first',
    ...table(report.above, report),
    `  total above: ${formatNotional(report.totals.above, report.unit)}`,
    '',
    'BELOW: longs liquidated (flush zones), nearest first',
    ...table(report.below, report),
    `  total below: ${formatNotional(report.totals.below, report.unit)}`,
    '',
    `nearest above: ${nearest(report.nearestAbove)}`,
    `nearest below: ${nearest(report.nearestBelow)}`,
    `bias: ${report.bias.label} (below/above ${report.bias.ratio.toFixed(2)} within ±${report.bias.windowPct}% of price)`,
  ];
  if (report.warmup) lines.push(`warmup: ${warmupText(report.warmup)}`);
  if (mmrNote) lines.push(`mmr: ${mmrNote}`);
  if (report.ended) {
    lines.push('', `ended since then (${report.ended.length}):`);
    for (const e of report.ended) {
      lines.push(`  ${e.level.side.padEnd(5)} ${formatPrice(e.level.low)} - ${formatPrice(e.level.high)}  ${e.how.padEnd(6)} at ${isoMinute(e.endedAt)}  ${e.level.id}`);
    }
  }
  if (report.swept.length > 0) {
    lines.push('', 'recently swept:');
    for (const z of report.swept) {
      lines.push(`  ${z.side.padEnd(5)} ${formatPrice(z.low)} - ${formatPrice(z.high)}  ${formatNotional(z.notional, report.unit).padStart(8)}  at ${isoMinute(z.time)}`);
    }
  }
  return lines.join('\n');
}

function table(levels: Level[], report: LevelsReport): string[] {
  if (levels.length === 0) return ['  (none)'];
  const header = `  ${'price'.padStart(12)}  ${'zone'.padEnd(25)} ${'strength'.padEnd(15)} ${'size'.padStart(8)} ${'distance'.padStart(9)}  since             id`;
  return [
    header,
    ...levels.map((l) => {
      const zone = `${formatPrice(l.low)} - ${formatPrice(l.high)}`;
      const bar = '#'.repeat(Math.round(l.strength * 10)).padEnd(10);
      return `  ${formatPrice(l.price).padStart(12)}  ${zone.padEnd(25)} ${bar} ${l.strength.toFixed(2)} ${formatNotional(l.notional, report.unit).padStart(8)} ${formatPct(l.distancePct).padStart(9)}  ${isoMinute(l.firstSeen)}  ${l.id}`;
    }),
  ];
}

function nearest(level: Level | null): string {
  return level ? `${formatPrice(level.price)} (${formatPct(level.distancePct)}, strength ${level.strength.toFixed(2)})` : 'none significant';
}

function warmupText(w: WarmupStatus): string {
  const days = (ms: number) => (ms / 86_400_000).toFixed(1);
  return w.complete
    ? `complete (${days(w.needMs)} days before this bar; older history would not change this report)`
    : `partial, ${days(w.haveMs)} of ${days(w.needMs)} days (a longer history may give different levels)`;
}

function isoMinute(time: number): string {
  return new Date(time).toISOString().slice(0, 16).replace('T', ' ');
}
