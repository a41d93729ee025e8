// EXIF orientation on the server: read by sharp from the upload's header, applied to the decoded
// pixels the way browsers show the photo.

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { orient } from '../../server/image/orientation.ts';
import { validateUpload } from '../../server/upload-validation.ts';
import { bytes, jpegSegment } from '../unit/support/image-bytes.ts';
import { exifPayload } from './support/exif.ts';
import { JPEG } from './support/requests.ts';

/** A 3×2 image whose red channel numbers the pixels (×10): 0 1 2 / 3 4 5. */
const IMAGE = sharp(Buffer.from(Array.from({ length: 18 }, (_, i) => (i % 3 === 0 ? (i / 3) * 10 : 0))), { raw: { width: 3, height: 2, channels: 3 } });

async function shown(orientation: number): Promise<number[][]> {
  const { data, info } = await orient(IMAGE.clone(), orientation).raw().toBuffer({ resolveWithObject: true });
  return Array.from({ length: info.height }, (_, y) => Array.from({ length: info.width }, (_, x) => data[(y * info.width + x) * info.channels]! / 10));
}

const withExif = (payload: Uint8Array): Uint8Array => bytes(JPEG.subarray(0, 2), jpegSegment(0xe1, payload), JPEG.subarray(2));

describe('EXIF orientation', () => {
  it('is read in both byte orders, 1 when absent or out of range', async () => {
    expect((await validateUpload(withExif(exifPayload(6)), 25e6)).orientation).toBe(6);
    expect((await validateUpload(withExif(exifPayload(8, 'II')), 25e6)).orientation).toBe(8);
    expect((await validateUpload(withExif(exifPayload(9)), 25e6)).orientation).toBe(1);
    expect((await validateUpload(withExif(bytes('http://ns.adobe.com/xap/1.0/\0<x/>')), 25e6)).orientation).toBe(1);
    expect((await validateUpload(JPEG, 25e6)).orientation).toBe(1);
  });

  it('turns and mirrors the pixels as displayed', async () => {
    expect(await shown(1)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(await shown(2)).toEqual([
      [2, 1, 0],
      [5, 4, 3],
    ]);
    expect(await shown(3)).toEqual([
      [5, 4, 3],
      [2, 1, 0],
    ]);
    expect(await shown(4)).toEqual([
      [3, 4, 5],
      [0, 1, 2],
    ]);
    expect(await shown(5)).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(await shown(6)).toEqual([
      [3, 0],
      [4, 1],
      [5, 2],
    ]);
    expect(await shown(7)).toEqual([
      [5, 2],
      [4, 1],
      [3, 0],
    ]);
    expect(await shown(8)).toEqual([
      [2, 5],
      [1, 4],
      [0, 3],
    ]);
  });
});
