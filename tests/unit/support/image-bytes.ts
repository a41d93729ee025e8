// Minimal, structurally valid image files built byte by byte. CRCs are left zero: sniffImage walks
// chunk lengths and types only and never checks a CRC.

import { concat } from '../../../src/core/encode/array-buffer.ts';

export function bytes(...parts: (Uint8Array | readonly number[] | string)[]): Uint8Array {
  return concat(parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p))));
}

export function u32be(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

export function u32le(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

function u16be(n: number): number[] {
  return [(n >>> 8) & 0xff, n & 0xff];
}

function u16le(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

/** An ArrayBuffer holding exactly these bytes (what the pipeline receives from a worker message). */
export function toArrayBuffer(b: Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

// ---------- PNG ----------

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

export function pngChunk(type: string, data: readonly number[] = []): Uint8Array {
  return bytes(u32be(data.length), type, data, [0, 0, 0, 0]);
}

export function pngIhdr(width: number, height: number): Uint8Array {
  // width, height, bit depth 8, colour type 6 (RGBA), compression, filter, interlace.
  return pngChunk('IHDR', [...u32be(width), ...u32be(height), 8, 6, 0, 0, 0]);
}

export function png(width: number, height: number, options: { iend?: boolean } = {}): Uint8Array {
  const idat = pngChunk('IDAT', [0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
  return bytes(PNG_SIGNATURE, pngIhdr(width, height), idat, options.iend === false ? [] : pngChunk('IEND'));
}

// ---------- JPEG ----------

export function jpegSegment(marker: number, payload: readonly number[] | Uint8Array): Uint8Array {
  // The length counts itself (2 bytes) and the payload, not the marker.
  return bytes([0xff, marker], u16be(payload.length + 2), payload);
}

const APP0_JFIF = jpegSegment(0xe0, [...new TextEncoder().encode('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);

function sof0(width: number, height: number): Uint8Array {
  // precision 8, height, width, 1 component (id 1, sampling 0x11, quant table 0).
  return jpegSegment(0xc0, [8, ...u16be(height), ...u16be(width), 1, 1, 0x11, 0]);
}

const SOS = jpegSegment(0xda, [1, 1, 0x00, 0, 63, 0]);
/** Entropy-coded bytes with a stuffed FF 00 and a restart marker, neither of which ends the image. */
export const SCAN_DATA = [0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0x9a, 0xff, 0x00, 0xbc] as const;
const EOI = [0xff, 0xd9] as const;

/** An APP1 "Exif" segment carrying a whole little JPEG (with its own FF D9) as a thumbnail. */
export function exifWithThumbnail(): Uint8Array {
  const thumbnail = bytes([0xff, 0xd8], sof0(8, 8), SOS, [0x01, 0x02], EOI);
  return jpegSegment(0xe1, bytes('Exif\0\0', 'MM', [0, 42, 0, 0, 0, 8], thumbnail));
}

export interface JpegOptions {
  /** Segments placed between APP0 and SOF0. */
  extra?: Uint8Array[];
  /** Leave the end-of-image marker off, as an interrupted download does. */
  eoi?: boolean;
}

export function jpeg(width: number, height: number, options: JpegOptions = {}): Uint8Array {
  return bytes([0xff, 0xd8], APP0_JFIF, ...(options.extra ?? []), sof0(width, height), SOS, SCAN_DATA, options.eoi === false ? [] : EOI);
}

// ---------- the others ----------

/** RIFF/WEBP with a VP8L chunk; `declaredSize` overrides the RIFF size field. */
export function webp(options: { declaredSize?: number } = {}): Uint8Array {
  const vp8l = bytes('VP8L', u32le(5), [0x2f, 0, 0, 0, 0], [0]);
  const body = bytes('WEBP', vp8l);
  return bytes('RIFF', u32le(options.declaredSize ?? body.length), body);
}

export function gif(width: number, height: number): Uint8Array {
  const screen = [...u16le(width), ...u16le(height), 0x00, 0, 0];
  const image = [0x2c, 0, 0, 0, 0, ...u16le(width), ...u16le(height), 0, 0x02, 0x02, 0x44, 0x01, 0x00];
  return bytes('GIF89a', screen, image, [0x3b]);
}

export function bmp(width: number, height: number): Uint8Array {
  const rowSize = Math.ceil((3 * width) / 4) * 4;
  const pixels = new Array<number>(rowSize * height).fill(0xff);
  return bytes(
    'BM',
    u32le(54 + pixels.length),
    [0, 0, 0, 0],
    u32le(54),
    u32le(40),
    u32le(width),
    u32le(height),
    u16le(1),
    u16le(24),
    u32le(0),
    u32le(pixels.length),
    u32le(2835),
    u32le(2835),
    u32le(0),
    u32le(0),
    pixels,
  );
}

/** An ISO-BMFF file starting with an ftyp box: HEIC, AVIF and the like. */
export function ftyp(major: string, compatible: string[] = []): Uint8Array {
  const box = bytes('ftyp', major, u32be(0), ...compatible);
  return bytes(u32be(box.length + 4), box, u32be(8), 'mdat');
}
