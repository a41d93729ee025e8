// Animated GIF for chat apps: per-frame palette with one fully transparent entry, each frame
// replacing the last (disposal 2), looping forever (NETSCAPE2.0, count 0).

import { GIFEncoder, applyPalette, quantize } from 'gifenc';

export interface RgbaFrame {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  /** Display time in milliseconds (GIF stores hundredths). */
  delayMs: number;
}

/** `colours`: palette size per frame, 2..256 (fewer: smaller file, more banding). */
export function encodeGif(frames: readonly RgbaFrame[], colours = 256): Uint8Array {
  const gif = GIFEncoder();
  for (const frame of frames) {
    const palette = quantize(frame.rgba, colours, { format: 'rgba4444', oneBitAlpha: true, clearAlpha: true });
    const index = applyPalette(frame.rgba, palette, 'rgba4444');
    const transparentIndex = palette.findIndex((c) => c[3] === 0);
    gif.writeFrame(index, frame.width, frame.height, {
      palette,
      delay: frame.delayMs,
      transparent: transparentIndex >= 0,
      transparentIndex: Math.max(0, transparentIndex),
      repeat: 0,
      dispose: 2,
    });
  }
  gif.finish();
  return gif.bytes();
}
