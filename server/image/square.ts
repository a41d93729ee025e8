// The square the redraw networks take: the image's centre square (the app uploads its aligned
// face square, which is one already), scaled to size×size — averaged over each output pixel's
// footprint when shrinking, bilinear when enlarging — on white, since the redraw ignores alpha.

import type { Rgba } from './decode.ts';

function onWhite(data: Uint8Array, i: number, c: number): number {
  const alpha = (data[i + 3] ?? 255) / 255;
  return (data[i + c] ?? 0) * alpha + 255 * (1 - alpha);
}

export function centreSquare(image: Rgba, size: number): Uint8ClampedArray {
  const side = Math.min(image.width, image.height);
  const left = (image.width - side) / 2;
  const top = (image.height - side) / 2;
  const scale = side / size;
  const out = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0];
      let n = 0;
      if (scale > 1) {
        const x0 = Math.floor(left + x * scale);
        const y0 = Math.floor(top + y * scale);
        const x1 = Math.max(x0 + 1, Math.floor(left + (x + 1) * scale));
        const y1 = Math.max(y0 + 1, Math.floor(top + (y + 1) * scale));
        for (let sy = y0; sy < y1; sy++) {
          for (let sx = x0; sx < x1; sx++) {
            const i = (sy * image.width + sx) * 4;
            for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + onWhite(image.data, i, c);
            n += 1;
          }
        }
      } else {
        const fx = Math.min(image.width - 1, Math.max(0, left + (x + 0.5) * scale - 0.5));
        const fy = Math.min(image.height - 1, Math.max(0, top + (y + 0.5) * scale - 0.5));
        const x0 = Math.floor(fx);
        const y0 = Math.floor(fy);
        const x1 = Math.min(image.width - 1, x0 + 1);
        const y1 = Math.min(image.height - 1, y0 + 1);
        const corners: [number, number, number][] = [
          [x0, y0, (1 - (fx - x0)) * (1 - (fy - y0))],
          [x1, y0, (fx - x0) * (1 - (fy - y0))],
          [x0, y1, (1 - (fx - x0)) * (fy - y0)],
          [x1, y1, (fx - x0) * (fy - y0)],
        ];
        for (const [sx, sy, w] of corners) {
          const i = (sy * image.width + sx) * 4;
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + w * onWhite(image.data, i, c);
        }
        n = 1;
      }
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = (sum[c] ?? 0) / n;
      out[o + 3] = 255;
    }
  }
  return out;
}
