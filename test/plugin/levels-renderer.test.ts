import { describe, expect, it } from 'vitest';
import { separateLabels } from '../../plugin/levels-pane-view';
import { LABEL_HEIGHT, LevelsRenderer, type LevelLine } from '../../plugin/levels-renderer';
import { callsOf, recordingTarget } from './recording-context';

const LINE: LevelLine = { y: 100, color: '#26c6da', width: 3, dashed: false, alpha: 0.9, label: '92,850.0 | $41.2M | -1.20%', labelY: 100 };

describe('levels renderer', () => {
  it('draws each level across the pane at its bitmap y, weighted by strength', () => {
    const { target, calls, writes } = recordingTarget(300, 200, 2);
    new LevelsRenderer([LINE]).draw(target);
    expect(callsOf(calls, 'moveTo')[0]).toEqual([0, 200]);
    expect(callsOf(calls, 'lineTo')[0]).toEqual([600, 200]);
    expect(writes).toContainEqual(['lineWidth', 6]);
    expect(writes).toContainEqual(['strokeStyle', '#26c6da']);
  });

  it('puts the label on the line inside the pane', () => {
    const { target, calls } = recordingTarget(300, 200, 1);
    new LevelsRenderer([LINE]).draw(target);
    const [text, x, y] = callsOf(calls, 'fillText')[0] as [string, number, number];
    expect(text).toBe(LINE.label);
    expect(x).toBeGreaterThan(0);
    expect(x + text.length * 6).toBeLessThanOrEqual(300);
    expect(y).toBeLessThanOrEqual(100);
  });

  it('odd line widths sit on half pixels so they stay crisp', () => {
    const { target, calls } = recordingTarget(300, 200, 1);
    new LevelsRenderer([{ ...LINE, width: 1, label: '' }]).draw(target);
    expect(callsOf(calls, 'moveTo')[0]).toEqual([0, 100.5]);
    expect(callsOf(calls, 'fillText')).toHaveLength(0);
  });

  it('labels of nearby levels are moved apart so they never overlap', () => {
    const lines = [100, 104, 150, 90].map((y) => ({ ...LINE, y, labelY: y }));
    separateLabels(lines);
    const boxes = lines.map((l) => l.labelY).sort((a, b) => a - b);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i] - boxes[i - 1]).toBeGreaterThanOrEqual(LABEL_HEIGHT);
    expect(lines.map((l) => l.y)).toEqual([100, 104, 150, 90]);
  });

  it('swept levels are dashed and faded', () => {
    const { target, calls, writes } = recordingTarget(300, 200, 1);
    new LevelsRenderer([{ ...LINE, dashed: true, alpha: 0.35 }]).draw(target);
    expect(callsOf(calls, 'setLineDash')[0]).toEqual([[4, 4]]);
    expect(writes).toContainEqual(['globalAlpha', 0.35]);
  });
});
