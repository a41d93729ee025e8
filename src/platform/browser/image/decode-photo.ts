// Browser platform: bytes → upright ImageBitmap. createImageBitmap applies the EXIF orientation
// ('from-image') and, when the photo is larger than the working size, resizes in the decoder.

import { fitWithin } from '../../../core/image/fit-within.ts';
import type { ImageFormat } from '../../../core/image/sniff-image.ts';
import type { DecodedPhoto } from '../../../core/platform.ts';

const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  avif: 'image/avif',
};

export async function decodePhoto(bytes: ArrayBuffer, format: ImageFormat, maxSide: number): Promise<DecodedPhoto<ImageBitmap>> {
  const blob = new Blob([bytes], { type: MIME[format] });
  const full = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const sourceWidth = full.width;
  const sourceHeight = full.height;
  const target = fitWithin({ width: sourceWidth, height: sourceHeight }, maxSide);
  if (target.width === sourceWidth && target.height === sourceHeight) {
    return { image: full, info: { sourceWidth, sourceHeight, width: sourceWidth, height: sourceHeight } };
  }
  const image = await createImageBitmap(full, {
    resizeWidth: target.width,
    resizeHeight: target.height,
    resizeQuality: 'high',
  });
  full.close();
  return { image, info: { sourceWidth, sourceHeight, width: target.width, height: target.height } };
}
