// Know what a file is from its bytes, not its name, and refuse broken files before a decoder sees
// them: browsers decode a truncated JPEG as a grey-bottomed picture instead of failing.

import { StickerError, type ErrorReason } from '../errors.ts';

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'avif';

export interface SniffedImage {
  format: ImageFormat;
  /** Present when the header states it (PNG, JPEG, GIF), so a pixel bomb is refused undecoded. */
  width?: number;
  height?: number;
}

/** More pixels than a 108-MP phone camera makes: refuse rather than exhaust memory decoding. */
export const MAX_SOURCE_PIXELS = 120_000_000;

function bad(reason: ErrorReason<'BAD_INPUT'>, message: string): StickerError {
  return new StickerError('BAD_INPUT', message, { stage: 'decode', reason });
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

function u32be(b: Uint8Array, i: number): number {
  return (((b[i] ?? 0) << 24) >>> 0) + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
}

function u32le(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16)) + (((b[i + 3] ?? 0) << 24) >>> 0);
}

function sniffPng(b: Uint8Array): SniffedImage {
  let offset = 8;
  let width: number | undefined;
  let height: number | undefined;
  while (offset + 12 <= b.length) {
    const length = u32be(b, offset);
    const type = ascii(b, offset + 4, 4);
    if (type === 'IHDR') {
      width = u32be(b, offset + 8);
      height = u32be(b, offset + 12);
    }
    if (type === 'IEND') {
      if (width === undefined || height === undefined) throw bad('not-image', 'PNG without IHDR');
      return { format: 'png', width, height };
    }
    offset += 12 + length;
  }
  throw bad('truncated', 'PNG ends before its IEND chunk');
}

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function sniffJpeg(b: Uint8Array): SniffedImage {
  let offset = 2;
  let width: number | undefined;
  let height: number | undefined;
  // Walk the header segments up to the start of scan, reading the frame size on the way.
  for (;;) {
    if (offset + 4 > b.length) throw bad('truncated', 'JPEG ends inside its header');
    if (b[offset] !== 0xff) throw bad('not-image', `JPEG marker expected at byte ${offset}`);
    const marker = b[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = u16be(b, offset + 2);
    if (SOF_MARKERS.has(marker)) {
      height = u16be(b, offset + 5);
      width = u16be(b, offset + 7);
    }
    offset += 2 + length;
    if (marker === 0xda) break;
  }
  // In entropy-coded data a literal 0xFF is followed by 0x00 or a restart marker, so the first
  // FF D9 after the scan header is the end of image.
  for (let i = offset; i + 1 < b.length; i++) {
    if (b[i] === 0xff && b[i + 1] === 0xd9) {
      if (width === undefined || height === undefined) throw bad('not-image', 'JPEG without a frame header');
      return { format: 'jpeg', width, height };
    }
  }
  throw bad('truncated', 'JPEG ends before its end-of-image marker');
}

function sniffWebp(b: Uint8Array): SniffedImage {
  const riffSize = u32le(b, 4);
  if (b.length < 8 + riffSize) throw bad('truncated', 'WebP shorter than its RIFF header says');
  return { format: 'webp' };
}

function sniffGif(b: Uint8Array): SniffedImage {
  const width = (b[6] ?? 0) | ((b[7] ?? 0) << 8);
  const height = (b[8] ?? 0) | ((b[9] ?? 0) << 8);
  // The trailer byte ends the file; a cut file ends inside image data instead.
  if (b[b.length - 1] !== 0x3b) throw bad('truncated', 'GIF without its trailer');
  return { format: 'gif', width, height };
}

/** BITMAPFILEHEADER + a known DIB header size; "BM" alone is also how plenty of text starts. */
const BMP_DIB_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

function sniffBmp(b: Uint8Array): SniffedImage {
  if (b.length < 26 || !BMP_DIB_SIZES.has(u32le(b, 14))) throw bad('not-image', 'starts with BM but has no bitmap header');
  if (b.length < u32le(b, 2)) throw bad('truncated', 'BMP shorter than its header says');
  return { format: 'bmp' };
}

const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

/** ISO-BMFF images: AVIF when 'avif'/'avis' is the major or any compatible brand, else HEIF. */
function sniffFtyp(b: Uint8Array): SniffedImage {
  const boxSize = Math.min(u32be(b, 0), b.length);
  const brands = [ascii(b, 8, 4)];
  for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(ascii(b, i, 4));
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return { format: 'avif' };
  if (brands.some((brand) => HEIF_BRANDS.has(brand))) {
    throw bad('unsupported-format', `HEIF (${brands[0] ?? ''}) is not decodable in browsers`);
  }
  throw bad('not-image', `unknown ISO media brand ${brands[0] ?? ''}`);
}

export function sniffImage(bytes: ArrayBuffer | Uint8Array): SniffedImage {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b.length === 0) throw bad('empty', 'the file is empty');
  let sniffed: SniffedImage;
  if (b.length >= 8 && u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a) sniffed = sniffPng(b);
  else if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) sniffed = sniffJpeg(b);
  else if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') sniffed = sniffWebp(b);
  else if (b.length >= 10 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) sniffed = sniffGif(b);
  else if (b.length >= 2 && ascii(b, 0, 2) === 'BM') sniffed = sniffBmp(b);
  else if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') sniffed = sniffFtyp(b);
  else throw bad('not-image', 'not a JPEG, PNG, WebP, GIF, BMP or AVIF image');
  if (sniffed.width !== undefined && sniffed.height !== undefined) {
    if (sniffed.width === 0 || sniffed.height === 0) throw bad('not-image', 'the image has no pixels');
    if (sniffed.width * sniffed.height > MAX_SOURCE_PIXELS) {
      throw bad('too-large', `${sniffed.width}×${sniffed.height} is more than ${MAX_SOURCE_PIXELS / 1e6} megapixels`);
    }
  }
  return sniffed;
}
