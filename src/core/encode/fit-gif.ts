// A GIF under a byte cap (WeChat: 500 KB per sticker): fewer colours first, then every other frame
// (each shown twice as long, so the loop keeps its pace), then a smaller size, until it fits. What
// had to give is returned, for the UI to say.

import { downscaleRgba } from './downscale-rgba.ts';
import { encodeGif, type RgbaFrame } from './gif.ts';
import type { GifReduction } from './gif-reduction.ts';

export interface FittedGif {
  bytes: Uint8Array;
  size: number;
  frames: number;
  colours: number;
  /** Each step taken to fit, in order; empty when the first try fitted. */
  reductions: GifReduction[];
  fits: boolean;
}

const COLOURS = [256, 128, 64, 32] as const;
/** Smallest side we go down to; below it a sticker is not worth sending. */
const MIN_SIZE = 120;

function halveFrames(frames: readonly RgbaFrame[]): RgbaFrame[] {
  if (frames.length < 4) return [...frames];
  return frames.filter((_, i) => i % 2 === 0).map((f) => ({ ...f, delayMs: f.delayMs * 2 }));
}

export function fitGif(input: readonly RgbaFrame[], maxBytes: number): FittedGif {
  const first = input[0];
  if (first === undefined) throw new RangeError('no frames to encode');
  let frames = [...input];
  let size = first.width;
  const reductions: GifReduction[] = [];
  const attempt = (colours: number): FittedGif => {
    const bytes = encodeGif(frames, colours);
    return { bytes, size, frames: frames.length, colours, reductions: [...reductions], fits: bytes.byteLength <= maxBytes };
  };
  let last = attempt(COLOURS[0]);
  if (last.fits) return last;
  for (const colours of COLOURS.slice(1)) {
    reductions.push({ kind: 'colours', to: colours });
    last = attempt(colours);
    if (last.fits) return last;
  }
  const colours = COLOURS[COLOURS.length - 1] ?? 32;
  while (frames.length >= 4) {
    frames = halveFrames(frames);
    reductions.push({ kind: 'frames', to: frames.length });
    last = attempt(colours);
    if (last.fits) return last;
  }
  while (size > MIN_SIZE) {
    const next = Math.max(MIN_SIZE, Math.round(size * 0.8));
    frames = frames.map((f) => ({ ...f, rgba: downscaleRgba(f.rgba, f.width, next), width: next, height: next }));
    size = next;
    reductions.push({ kind: 'size', to: size });
    last = attempt(colours);
    if (last.fits) return last;
  }
  return last;
}
