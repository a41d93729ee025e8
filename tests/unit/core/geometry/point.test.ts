import { describe, expect, it } from 'vitest';
import { distance, mean } from '../../../../src/core/geometry/point.ts';

describe('distance', () => {
  it('is the Euclidean distance', () => {
    expect(distance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
    expect(distance({ x: -1, y: -1 }, { x: 2, y: 3 })).toBe(5);
  });

  it('is symmetric and zero for the same point', () => {
    const a = { x: 1.5, y: -2 };
    const b = { x: -7, y: 11.25 };
    expect(distance(a, b)).toBe(distance(b, a));
    expect(distance(a, { ...a })).toBe(0);
  });
});

describe('mean', () => {
  it('averages x and y separately', () => {
    expect(
      mean([
        { x: 0, y: 0 },
        { x: 4, y: 2 },
        { x: 2, y: 10 },
      ]),
    ).toEqual({ x: 2, y: 4 });
  });

  it('of one point is that point', () => {
    expect(mean([{ x: -3, y: 8 }])).toEqual({ x: -3, y: 8 });
  });

  it('throws RangeError for no points', () => {
    expect(() => mean([])).toThrow(RangeError);
  });
});
