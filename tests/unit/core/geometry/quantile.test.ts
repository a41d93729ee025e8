import { describe, expect, it } from 'vitest';
import { median, quantile } from '../../../../src/core/geometry/quantile.ts';

describe('order statistics', () => {
  it('the median is the middle value, the upper of two, whatever the order; a stray value does not move it', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([10, 11, 12, 255, 10])).toBe(11);
  });

  it('a quantile counts a share of the way up the sorted values', () => {
    const values = [50, 0, 10, 40, 20, 30];
    expect(quantile(values, 0)).toBe(0);
    expect(quantile(values, 0.8)).toBe(40);
    expect(quantile(values, 1)).toBe(50);
  });

  it('leaves its input as it was, and gives 0 for none', () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    median(values);
    expect(values).toEqual([3, 1, 2]);
    expect(median([])).toBe(0);
    expect(quantile([], 0.5)).toBe(0);
  });
});
