import { describe, expect, it } from 'vitest';
import { downscaleRgba } from '../../../../src/core/encode/downscale-rgba.ts';

describe('downscaleRgba', () => {
  it('averages by area and lets transparent pixels lend no colour', () => {
    // 2×2: red opaque, green opaque, two transparent white pixels → one pixel.
    const src = Uint8ClampedArray.from([255, 0, 0, 255, 0, 255, 0, 255, 255, 255, 255, 0, 255, 255, 255, 0]);
    expect([...downscaleRgba(src, 2, 1)]).toEqual([128, 128, 0, 128]);
  });

  it('returns the input when asked for the same size or larger', () => {
    const src = new Uint8ClampedArray(16);
    expect(downscaleRgba(src, 2, 2)).toBe(src);
  });
});
