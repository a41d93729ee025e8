// The 熊猫头 look: a face as black ink on white. A pixel is ink when it is darker than the mean of
// its neighbourhood by more than an offset, so eyes, brows, nostrils and the mouth line stay black
// whatever the lighting while skin turns white. The offset is chosen per photo, so that about
// `targetInk` of the face is ink: a pale face and a dim one both keep readable features.

import { quantile } from '../geometry/quantile.ts';

/** Below this local contrast (of 255) a pixel is never ink: flat skin stays clean. */
const MIN_OFFSET = 4;

export function twoTone(lum: ArrayLike<number>, width: number, height: number, inside: ArrayLike<number>, radius: number, targetInk = 0.2): Uint8Array {
  // Summed-area table: every box mean in constant time.
  const stride = width + 1;
  const sums = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += lum[y * width + x] ?? 0;
      sums[(y + 1) * stride + x + 1] = (sums[y * stride + x + 1] ?? 0) + row;
    }
  }
  const darker = new Float32Array(width * height);
  const diffs: number[] = [];
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!inside[i]) continue;
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(width, x + radius + 1);
      const total = (sums[y1 * stride + x1] ?? 0) - (sums[y0 * stride + x1] ?? 0) - (sums[y1 * stride + x0] ?? 0) + (sums[y0 * stride + x0] ?? 0);
      const d = total / ((x1 - x0) * (y1 - y0)) - (lum[i] ?? 0);
      darker[i] = d;
      diffs.push(d);
    }
  }
  const offset = Math.max(MIN_OFFSET, quantile(diffs, 1 - targetInk));
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) if (inside[i] && (darker[i] ?? 0) > offset) ink[i] = 1;
  return ink;
}
