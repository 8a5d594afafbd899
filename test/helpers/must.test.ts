import { describe, expect, it } from 'vitest';
import { must } from './must';

describe('must', () => {
  it('returns a present value, falsy ones included', () => {
    expect(must(0, 'a count')).toBe(0);
    expect(must('', 'a label')).toBe('');
  });

  it('throws naming what was expected when the value is null', () => {
    expect(() => must(null, 'a levels report')).toThrow('expected a levels report, got null');
  });

  it('throws naming what was expected when the value is undefined', () => {
    expect(() => must(undefined, 'the model grid')).toThrow('expected the model grid, got undefined');
  });
});
