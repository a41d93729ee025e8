// An upload is judged by its bytes, never its name or declared type: the core sniffer checks the
// structure end to end (a truncated JPEG or PNG is refused) and reads the size from the header, so
// a decompression bomb is refused before any pixel is decoded. Metadata (EXIF with GPS, comments,
// text chunks) is dropped by rewriting the file without those segments, not by decoding it; the
// EXIF orientation is read first (sharp reads the header) and kept beside the file.

import { StickerError, type ErrorReason, errorMessage } from '../src/core/errors.ts';
import { sniffImage } from '../src/core/image/sniff-image.ts';
import sharp from 'sharp';
import { concat } from '../src/core/encode/array-buffer.ts';
import { swapsSides } from './image/orientation.ts';

export interface ValidImage {
  format: 'png' | 'jpeg';
  /** As displayed: after the EXIF orientation. */
  width: number;
  height: number;
  /** EXIF orientation (1–8), applied after decoding; 1 for PNG. */
  orientation: number;
  /** The file without its metadata. */
  bytes: Uint8Array;
}

function bad(reason: ErrorReason<'BAD_INPUT'>, message: string): StickerError {
  return new StickerError('BAD_INPUT', message, { stage: 'upload', reason });
}

const u16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32 = (b: Uint8Array, i: number): number => u16(b, i) * 65536 + u16(b, i + 2);

/** APP0 (JFIF) and APP14 (Adobe: says how the colours are coded) stay; the other APPn and COM carry metadata. */
const JPEG_METADATA = new Set([...Array.from({ length: 13 }, (_, i) => 0xe1 + i), 0xef, 0xfe]);

function stripJpeg(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  let offset = 2;
  for (;;) {
    const marker = b[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xda) break;
    const end = offset + 2 + u16(b, offset + 2);
    if (!JPEG_METADATA.has(marker)) parts.push(b.subarray(offset, end));
    offset = end;
  }
  // The sniffer has found the end-of-image marker; anything appended after it is dropped too.
  let eoi = offset;
  while (!(b[eoi] === 0xff && b[eoi + 1] === 0xd9)) eoi += 1;
  parts.push(b.subarray(offset, eoi + 2));
  return concat(parts);
}

/** Chunks that draw the picture; text, EXIF, time and private chunks are dropped. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD']);

function stripPng(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  let offset = 8;
  for (;;) {
    const end = offset + 12 + u32(b, offset);
    const type = String.fromCharCode(...b.subarray(offset + 4, offset + 8));
    if (PNG_KEPT.has(type)) parts.push(b.subarray(offset, end));
    if (type === 'IEND') break;
    offset = end;
  }
  return concat(parts);
}

/** The EXIF orientation (1–8) as sharp reads it from the header, without decoding a pixel; 1 for none. */
async function orientationOf(bytes: Uint8Array, maxPixels: number): Promise<number> {
  try {
    const { orientation } = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
    return orientation !== undefined && orientation >= 1 && orientation <= 8 ? orientation : 1;
  } catch (error) {
    throw bad('corrupt', `the header could not be read: ${errorMessage(error)}`);
  }
}

export async function validateUpload(bytes: Uint8Array, maxPixels: number): Promise<ValidImage> {
  const sniffed = sniffImage(bytes);
  if (sniffed.format !== 'png' && sniffed.format !== 'jpeg') {
    throw bad('unsupported-format', `${sniffed.format} is not accepted here: send PNG or JPEG`);
  }
  const { width, height } = sniffed;
  if (width === undefined || height === undefined) throw bad('not-image', 'no size in the header');
  if (width * height > maxPixels) throw bad('too-large', `${width}×${height} is more than ${maxPixels / 1e6} megapixels`);
  const orientation = sniffed.format === 'png' ? 1 : await orientationOf(bytes, maxPixels);
  const stripped = sniffed.format === 'png' ? stripPng(bytes) : stripJpeg(bytes);
  const [shownWidth, shownHeight] = swapsSides(orientation) ? [height, width] : [width, height];
  return { format: sniffed.format, width: shownWidth, height: shownHeight, orientation, bytes: stripped };
}
