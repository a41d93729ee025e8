import { describe, expect, it } from 'vitest';
import { MAX_WORKING_SIDE, fitWithin } from '../../../../src/core/image/fit-within.ts';

describe('fitWithin', () => {
  it('downscales so the long side equals maxSide, keeping the aspect ratio', () => {
    expect(fitWithin({ width: 4000, height: 3000 }, 2048)).toEqual({ width: 2048, height: 1536 });
    // 3000 × 2048/9000 = 682.67 → 683.
    expect(fitWithin({ width: 3000, height: 9000 }, 2048)).toEqual({ width: 683, height: 2048 });
    expect(fitWithin({ width: 12000, height: 9000 }, MAX_WORKING_SIDE)).toEqual({ width: 2048, height: 1536 });
  });

  it('keeps the ratio within rounding for awkward sizes', () => {
    for (const [w, h] of [
      [4032, 3024],
      [3024, 4032],
      [5000, 2811],
      [2049, 2049],
      [7777, 1234],
    ] as const) {
      const out = fitWithin({ width: w, height: h }, 2048);
      expect(Math.max(out.width, out.height)).toBe(2048);
      // The short side is the exact scaled value rounded: never more than half a pixel off.
      const exact = (Math.min(w, h) * 2048) / Math.max(w, h);
      expect(Math.abs(Math.min(out.width, out.height) - exact)).toBeLessThanOrEqual(0.5);
    }
  });

  it('never upscales', () => {
    expect(fitWithin({ width: 640, height: 480 }, 2048)).toEqual({ width: 640, height: 480 });
    expect(fitWithin({ width: 2048, height: 100 }, 2048)).toEqual({ width: 2048, height: 100 });
    expect(fitWithin({ width: 1, height: 1 }, 2048)).toEqual({ width: 1, height: 1 });
  });

  it('keeps at least one pixel on the short side of a sliver', () => {
    expect(fitWithin({ width: 100_000, height: 2 }, 2048)).toEqual({ width: 2048, height: 1 });
    expect(fitWithin({ width: 3, height: 90_000 }, 2048)).toEqual({ width: 1, height: 2048 });
  });

  it.each([
    [0, 100],
    [100, 0],
    [-5, 100],
    [100, -1],
    [Number.NaN, 100],
  ])('throws RangeError for %d × %d', (width, height) => {
    expect(() => fitWithin({ width, height }, 2048)).toThrow(RangeError);
  });
});
