import type { Platform, DecodedPhoto } from '../platform.ts';
import { MAX_WORKING_SIDE } from '../image/fit-within.ts';
import { sniffImage } from '../image/sniff-image.ts';
import { StickerError, errorMessage } from '../errors.ts';

/** Bytes → an upright (EXIF-applied) photo no larger than MAX_WORKING_SIDE on its long side. */
export async function decodeStage<Img, Surface>(platform: Platform<Img, Surface>, bytes: ArrayBuffer): Promise<DecodedPhoto<Img>> {
  const { format } = sniffImage(bytes);
  try {
    return await platform.decode(bytes, format, MAX_WORKING_SIDE);
  } catch (error) {
    if (error instanceof StickerError) throw error;
    const detail = errorMessage(error);
    throw new StickerError('BAD_INPUT', `the ${format} image could not be decoded: ${detail}`, {
      stage: 'decode',
      reason: 'undecodable',
    });
  }
}
