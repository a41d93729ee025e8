// EXIF orientation on the server: read from the APP1 segment, applied to decoded pixels the way
// browsers show the photo.

import { describe, expect, it } from 'vitest';
import { applyOrientation, exifOrientation } from '../../server/image/orientation.ts';
import { bytes } from '../unit/support/image-bytes.ts';
import { exifPayload } from './support/exif.ts';

/** A 3×2 image whose red channel numbers the pixels: 0 1 2 / 3 4 5. */
const IMAGE = { width: 3, height: 2, data: Uint8Array.from({ length: 24 }, (_, i) => (i % 4 === 0 ? i / 4 : 0)) };

function shown(orientation: number): number[][] {
  const out = applyOrientation(IMAGE, orientation);
  return Array.from({ length: out.height }, (_, y) => Array.from({ length: out.width }, (_, x) => out.data[(y * out.width + x) * 4]!));
}

describe('EXIF orientation', () => {
  it('is read in both byte orders, 1 when absent or out of range', () => {
    expect(exifOrientation(exifPayload(6))).toBe(6);
    expect(exifOrientation(exifPayload(8, 'II'))).toBe(8);
    expect(exifOrientation(exifPayload(9))).toBe(1);
    expect(exifOrientation(bytes('http://ns.adobe.com/xap/1.0/\0<x/>'))).toBe(1);
  });

  it('turns and mirrors the pixels as displayed', () => {
    expect(shown(1)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(shown(2)).toEqual([
      [2, 1, 0],
      [5, 4, 3],
    ]);
    expect(shown(3)).toEqual([
      [5, 4, 3],
      [2, 1, 0],
    ]);
    expect(shown(4)).toEqual([
      [3, 4, 5],
      [0, 1, 2],
    ]);
    expect(shown(5)).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(shown(6)).toEqual([
      [3, 0],
      [4, 1],
      [5, 2],
    ]);
    expect(shown(7)).toEqual([
      [5, 2],
      [4, 1],
      [3, 0],
    ]);
    expect(shown(8)).toEqual([
      [2, 5],
      [1, 4],
      [0, 3],
    ]);
  });
});
