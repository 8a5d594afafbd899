import { describe, expect, it } from 'vitest';
import { bufferError, entryError } from '../../demo/page/plan-input.js';
import { useLibraryGlobal } from './library-global';

describe('plan inputs', () => {
  useLibraryGlobal();

  it('an empty entry means the current price', () => {
    expect(entryError('', 100)).toBeNull();
    expect(entryError('  ', null)).toBeNull();
  });

  it('an entry near the price is used', () => {
    expect(entryError('101.5', 100)).toBeNull();
  });

  it('refuses an entry that is not a number, naming it', () => {
    expect(entryError('abc', 100)).toBe('entry "abc" is not a number');
  });

  it('refuses a zero or negative entry', () => {
    expect(entryError('0', 100)).toBe('entry must be a positive price (got 0)');
    expect(entryError('-5', 100)).toBe('entry must be a positive price (got -5)');
  });

  it('refuses an entry more than 50% from the price, giving the range to use', () => {
    expect(entryError('1', 100_000)).toMatch(/^entry 1\.\d+ is more than 50% from the price 100,000\.\d+ \(use 50,000\.\d+ to 150,000\.\d+\)$/);
    expect(entryError('149999', 100_000)).toBeNull();
  });

  it('bounds the stop buffer to 0..5 %', () => {
    expect(bufferError('0')).toBeNull();
    expect(bufferError('5')).toBeNull();
    expect(bufferError('5.01')).toBe('buffer must be from 0 to 5 % (got 5.01)');
    expect(bufferError('-1')).toBe('buffer must be from 0 to 5 % (got -1)');
    expect(bufferError('')).toBe('buffer "" is not a number');
  });
});
