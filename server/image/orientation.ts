// EXIF orientation: read from the upload by sharp before the metadata is cut out, kept with the
// upload, and applied when it is decoded, so a phone photo taken sideways is redrawn upright, as
// the browser's createImageBitmap would show it.

import type { Sharp } from 'sharp';

/** Orientations 5–8 turn the picture a quarter: width and height swap. */
export function swapsSides(orientation: number): boolean {
  return orientation >= 5;
}

/**
 * Each orientation (1–8) as sharp's operations: a turn clockwise, then a mirror. sharp always
 * mirrors before it turns, which is why 5 and 7 pair a quarter turn with flip and flop.
 */
const OPERATIONS: Record<number, { angle: number; flip?: true; flop?: true }> = {
  1: { angle: 0 },
  2: { angle: 0, flop: true },
  3: { angle: 180 },
  4: { angle: 0, flip: true },
  5: { angle: 90, flip: true },
  6: { angle: 90 },
  7: { angle: 90, flop: true },
  8: { angle: 270 },
};

/** The stored pixels as they are meant to be seen. */
export function orient(image: Sharp, orientation: number): Sharp {
  const { angle, flip, flop } = OPERATIONS[orientation] ?? { angle: 0 };
  let out = angle === 0 ? image : image.rotate(angle);
  if (flip === true) out = out.flip();
  if (flop === true) out = out.flop();
  return out;
}
