import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/cli-args';
import { loadModel } from '../../src/cli/load-model';
import { historyNeededMs } from '../../src/model/warmup';
import { DEFAULT_TIERS } from '../../src/model/model-options';
import { tempDir, toCsv, writeFixture, randomWalkBars } from './cli-helpers';

const MINUTE = 60_000;

describe('the CLI computes only the history a report needs', () => {
  const bars = randomWalkBars(150_000).map((b, i) => ({ ...b, openTime: Date.UTC(2024, 0, 1) + i * MINUTE }));
  const file = writeFixture(tempDir(), 'long-1m.csv', toCsv(bars));

  it('a long 1m file builds a model over two warm-ups before the last bar, not the whole file', () => {
    const { model } = loadModel(parseCliArgs(['levels', '--klines', file]));
    const window = historyNeededMs(DEFAULT_TIERS) / MINUTE + 1;
    expect(model.length).toBe(window);
    expect(model.length).toBeLessThan(bars.length);
    expect(model.warmup().complete).toBe(true);
  });

  it('--at moves the window with it: the report depends on the bars before --at only', () => {
    const at = bars[120_000].openTime;
    const { model } = loadModel(parseCliArgs(['levels', '--klines', file, '--at', String(at)]));
    expect(model.klines.openTime[model.length - 1]).toBe(at - MINUTE);
    expect(model.length).toBe(historyNeededMs(DEFAULT_TIERS) / MINUTE + 1);
  });
});
