import { describe, expect, it } from 'vitest';
import { HOUR, randomWalkBars, T0, tempDir, toCsv, writeFixture } from './cli-helpers';
import { runInProcess } from './in-process-cli';

const file = writeFixture(tempDir(), 'walk.csv', toCsv(randomWalkBars(48, 2)));

describe('liq-heatmap --at accepts only epoch ms or ISO 8601', () => {
  for (const at of ['foo 2025-01-27', 'junk 1 27 2025', '2025']) {
    it(`exits 2 naming --at for '${at}', which Date.parse would misread`, async () => {
      const result = await runInProcess(['levels', '--klines', file, '--at', at, '--json']);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`--at must be epoch ms`);
      expect(result.stderr).toContain(`'${at}'`);
    });
  }

  it('still takes an ISO date', async () => {
    const result = await runInProcess(['levels', '--klines', file, '--at', '2024-01-02', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).time).toBe(T0 + 23 * HOUR);
  });
});
