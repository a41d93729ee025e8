import { describe, expect, it } from 'vitest';
import { fromFloat16Bits, toFloat16Bits } from '../../../../src/core/diffusion/half-float.ts';

describe('float16 conversion', () => {
  it('gives the IEEE half-precision words, rounding to nearest even', () => {
    const words = toFloat16Bits(Float32Array.of(0, -0, 1, -2, 0.5, 65504, 1e6, -1e6, 2 ** -24, 1 + 2 ** -11, 1 + 3 * 2 ** -11));
    expect([...words]).toEqual([0x0000, 0x8000, 0x3c00, 0xc000, 0x3800, 0x7bff, 0x7c00, 0xfc00, 0x0001, 0x3c00, 0x3c02]);
    expect(toFloat16Bits(Float32Array.of(NaN))[0]! & 0x7c00).toBe(0x7c00);
  });

  it('reads them back within half precision', () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 10 ** ((i % 7) - 3));
    const back = fromFloat16Bits(toFloat16Bits(values));
    for (let i = 0; i < values.length; i++) expect(Math.abs(back[i]! - values[i]!)).toBeLessThanOrEqual(Math.max(Math.abs(values[i]!) * 2 ** -11, 2 ** -25));
    expect([...fromFloat16Bits(Uint16Array.of(0x7c00, 0xfc00, 0x0001))]).toEqual([Infinity, -Infinity, 2 ** -24]);
  });
});
