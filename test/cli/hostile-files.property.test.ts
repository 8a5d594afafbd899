import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomWalkBars, tempDir, toCsv, writeFixture } from './cli-helpers';
import { runInProcess } from './in-process-cli';

// Random damage to random rows of a sound CSV: whatever the damage, the CLI exits 0 with finite output or
// 1 with one line naming the file, the damaged row and a field.

const dir = tempDir();
const LINES = toCsv(randomWalkBars(40, 21)).trimEnd().split('\n');
const VALUES = ['NaN', 'Infinity', '-Infinity', '1e308', '-1', '0', '', 'abc', '0x10', '1e-300', '5e11', '9e15', '1e20', ' 12 ', '"7"'];

type Damage =
  | { kind: 'cell'; line: number; column: number; value: string }
  | { kind: 'drop-cell'; line: number }
  | { kind: 'extra-cell'; line: number }
  | { kind: 'swap'; line: number }
  | { kind: 'repeat'; line: number };

const line = fc.integer({ min: 1, max: LINES.length - 2 });
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('cell' as const), line, column: fc.integer({ min: 0, max: 5 }), value: fc.constantFrom(...VALUES) }),
  fc.record({ kind: fc.constant('drop-cell' as const), line }),
  fc.record({ kind: fc.constant('extra-cell' as const), line }),
  fc.record({ kind: fc.constant('swap' as const), line }),
  fc.record({ kind: fc.constant('repeat' as const), line }),
);

/** The damaged CSV and the 1-based lines the damage touched. */
function apply(lines: string[], d: Damage): number[] {
  const cells = lines[d.line].split(',');
  if (d.kind === 'cell') cells[d.column] = d.value;
  if (d.kind === 'drop-cell') cells.pop();
  if (d.kind === 'extra-cell') cells.push('1');
  lines[d.line] = cells.join(',');
  if (d.kind === 'swap') [lines[d.line], lines[d.line + 1]] = [lines[d.line + 1], lines[d.line]];
  if (d.kind === 'repeat') lines.splice(d.line + 1, 0, lines[d.line]);
  return d.kind === 'swap' || d.kind === 'repeat' ? [d.line + 1, d.line + 2] : [d.line + 1];
}

let count = 0;

describe('liq-heatmap over randomly damaged CSV files', () => {
  it('exits 0 with finite numbers, or 1 naming the file, a damaged row and a field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 3 }), async (damages) => {
        const lines = [...LINES];
        const touched = damages.flatMap((d) => apply(lines, d));
        const file = writeFixture(dir, `damaged-${count++}.csv`, `${lines.join('\n')}\n`);
        for (const args of [['levels', '--json'], ['density', '--json']]) {
          const result = await runInProcess([args[0], '--klines', file, args[1]]);
          if (result.status === 0) {
            expect(result.stdout).not.toMatch(/NaN|Infinity/);
            JSON.stringify(JSON.parse(result.stdout), (key, value) => {
              if (typeof value === 'number') expect(Number.isFinite(value), `${key} = ${value}`).toBe(true);
              if (value === null) expect(['nearestAbove', 'nearestBelow']).toContain(key);
              return value;
            });
            continue;
          }
          expect(result.status).toBe(1);
          const message = result.stderr.trimEnd();
          expect(message.split('\n')).toHaveLength(1);
          expect(message).toContain(file);
          expect(message).toMatch(/field \S+/);
          const row = Number(/row (\d+)/.exec(message)?.[1]);
          // A damaged value fails at its row; a bad order or spacing at the row after it at most.
          expect(touched.some((t) => row === t || row === t + 1)).toBe(true);
        }
      }),
      { numRuns: 120, seed: 20261129 },
    );
  }, 120_000);
});
