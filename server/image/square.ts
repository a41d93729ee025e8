// The square the redraw networks take, decoded by sharp (libvips, on libuv's thread pool, so the
// event loop keeps answering while a 25-megapixel photo is decoded): upright, the image's centre
// square (the app uploads its aligned face square, which is one already) scaled to size×size, on
// white since the redraw ignores alpha, as 8-bit sRGB RGBA.

import sharp from 'sharp';
import { StickerError, errorMessage } from '../../src/core/errors.ts';
import { orient } from './orientation.ts';

export interface SquareRequest {
  bytes: Uint8Array;
  format: 'png' | 'jpeg';
  orientation: number;
  /** The upload's own limit, given to the decoder again. */
  maxPixels: number;
  size: number;
}

export async function decodeSquare(request: SquareRequest): Promise<Uint8ClampedArray> {
  const { bytes, format, orientation, maxPixels, size } = request;
  try {
    const image = orient(sharp(bytes, { limitInputPixels: maxPixels }), orientation)
      .flatten({ background: '#ffffff' })
      .resize(size, size, { fit: 'cover', position: 'centre' })
      .toColourspace('srgb')
      .ensureAlpha(1)
      .raw({ depth: 'uchar' });
    const { data, info } = await image.toBuffer({ resolveWithObject: true });
    if (info.channels !== 4 || info.width !== size || info.height !== size) throw new Error(`decoded to ${info.width}×${info.height}×${info.channels}`);
    return new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
  } catch (error) {
    throw new StickerError('BAD_INPUT', `the ${format} could not be decoded: ${errorMessage(error)}`, {
      stage: 'decode',
      reason: 'corrupt',
    });
  }
}
