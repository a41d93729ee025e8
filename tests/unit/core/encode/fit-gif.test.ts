import { describe, expect, it } from 'vitest';
import { fitGif } from '../../../../src/core/encode/fit-gif.ts';
import type { RgbaFrame } from '../../../../src/core/encode/gif.ts';
import { parseGif } from '../../../support/parse-gif.ts';

const KB = 1024;

/** Opaque noise compresses badly: the worst case for a size cap. */
function noise(size: number, seed: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(size * size * 4);
  let x = seed * 2654435761;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = i % 4 === 3 ? 255 : x >>> 24;
  }
  return out;
}

const frames = (n: number, size = 240): RgbaFrame[] =>
  Array.from({ length: n }, (_, k) => ({ rgba: noise(size, k + 1), width: size, height: size, delayMs: 90 }));

describe('fitGif', () => {
  it('keeps everything when the first try fits', () => {
    const clear: RgbaFrame = { rgba: new Uint8ClampedArray(240 * 240 * 4), width: 240, height: 240, delayMs: 0 };
    const fitted = fitGif([clear], 500 * KB);
    expect(fitted).toMatchObject({ fits: true, size: 240, frames: 1, colours: 256, reductions: [] });
    expect(parseGif(fitted.bytes)).toMatchObject({ width: 240, height: 240, frames: 1, loopCount: 0 });
  });

  it('gives up colours, then frames, then size, and the file it returns is under the cap', () => {
    const fitted = fitGif(frames(6), 60 * KB);
    expect(fitted.fits).toBe(true);
    expect(fitted.bytes.byteLength).toBeLessThanOrEqual(60 * KB);
    const kinds = fitted.reductions.map((r) => r.kind);
    expect(kinds.slice(0, 3)).toEqual(['colours', 'colours', 'colours']);
    expect(kinds).toContain('frames');
    expect(kinds.join()).toBe([...kinds].sort((a, b) => ['colours', 'frames', 'size'].indexOf(a) - ['colours', 'frames', 'size'].indexOf(b)).join());
    const info = parseGif(fitted.bytes);
    expect(info).toMatchObject({ width: fitted.size, height: fitted.size, frames: fitted.frames, loopCount: 0 });
    // Half the frames, each shown twice as long: the loop keeps its length.
    expect(info.delaysMs.reduce((a, b) => a + b, 0)).toBe(6 * 90);
  }, 30_000);

  it('says when even the smallest version is over the cap', () => {
    const fitted = fitGif(frames(4), 2 * KB);
    expect(fitted.fits).toBe(false);
    expect(fitted.size).toBe(120);
    expect(fitted.reductions.at(-1)).toEqual({ kind: 'size', to: 120 });
  }, 30_000);

  it('refuses no frames', () => {
    expect(() => fitGif([], KB)).toThrow(/no frames/);
  });
});
