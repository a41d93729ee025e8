// EXIF orientation: read from the JPEG's APP1 segment before that segment is cut out with the rest
// of the metadata, kept with the upload, and applied to the decoded pixels, so a phone photo taken
// sideways is redrawn upright, as the browser's createImageBitmap would show it.

import type { Rgba } from './decode.ts';

/** The orientation tag (1–8) in an APP1 payload ("Exif\0\0" + TIFF), or 1 when there is none. */
export function exifOrientation(payload: Uint8Array): number {
  if (String.fromCharCode(...payload.subarray(0, 6)) !== 'Exif\0\0') return 1;
  const tiff = payload.subarray(6);
  const little = tiff[0] === 0x49;
  const u16 = (i: number): number => (little ? (tiff[i] ?? 0) | ((tiff[i + 1] ?? 0) << 8) : ((tiff[i] ?? 0) << 8) | (tiff[i + 1] ?? 0));
  const u32 = (i: number): number => (little ? u16(i) + u16(i + 2) * 65536 : u16(i) * 65536 + u16(i + 2));
  const ifd = u32(4);
  const count = u16(ifd);
  for (let e = 0; e < count; e++) {
    const entry = ifd + 2 + e * 12;
    if (entry + 12 > tiff.length) break;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** Orientations 5–8 turn the picture a quarter: width and height swap. */
export function swapsSides(orientation: number): boolean {
  return orientation >= 5;
}

/** The stored pixels as they are meant to be seen. */
export function applyOrientation(image: Rgba, orientation: number): Rgba {
  if (orientation === 1) return image;
  const { width: w, height: h } = image;
  const [ow, oh] = swapsSides(orientation) ? [h, w] : [w, h];
  // For each displayed pixel, the stored pixel it shows.
  const source: (x: number, y: number) => [number, number] =
    {
      2: (x: number, y: number): [number, number] => [w - 1 - x, y],
      3: (x: number, y: number): [number, number] => [w - 1 - x, h - 1 - y],
      4: (x: number, y: number): [number, number] => [x, h - 1 - y],
      5: (x: number, y: number): [number, number] => [y, x],
      6: (x: number, y: number): [number, number] => [y, h - 1 - x],
      7: (x: number, y: number): [number, number] => [w - 1 - y, h - 1 - x],
      8: (x: number, y: number): [number, number] => [w - 1 - y, x],
    }[orientation] ?? ((x, y) => [x, y]);
  const data = new Uint8Array(ow * oh * 4);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      const [sx, sy] = source(x, y);
      data.set(image.data.subarray((sy * w + sx) * 4, (sy * w + sx) * 4 + 4), (y * ow + x) * 4);
    }
  }
  return { width: ow, height: oh, data };
}
