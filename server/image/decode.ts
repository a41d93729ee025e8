// Uploads decoded in Node by pure-JS decoders (no native image library to patch): fast-png and
// jpeg-js, both given the upload's own size limits again, to RGBA bytes.

import { convertIndexedToRgb, decode as decodePng, type DecodedPng } from 'fast-png';
import jpeg from 'jpeg-js';
import { StickerError } from '../../src/core/errors.ts';

export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Samples of any PNG bit depth as 8-bit values, rows packed as PNG packs them below 8 bits. */
function samples8(png: DecodedPng, channels: number): Uint8Array {
  const count = png.width * png.height * channels;
  if (png.depth === 8) return png.data as Uint8Array;
  if (png.depth === 16) return Uint8Array.from(png.data as Uint16Array, (v) => v >> 8);
  const depth = png.depth;
  const rowBytes = Math.ceil((png.width * channels * depth) / 8);
  const max = (1 << depth) - 1;
  const out = new Uint8Array(count);
  const perRow = png.width * channels;
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / perRow);
    const bit = (i % perRow) * depth;
    const byte = png.data[row * rowBytes + (bit >> 3)] ?? 0;
    out[i] = Math.round((((byte >> (8 - depth - (bit & 7))) & max) * 255) / max);
  }
  return out;
}

function pngToRgba(bytes: Uint8Array): Rgba {
  const png = decodePng(bytes);
  const plane = png.width * png.height;
  const indexed = png.palette !== undefined;
  const channels = indexed ? (png.palette?.[0]?.length ?? 3) : png.channels;
  const data = indexed ? convertIndexedToRgb(png) : samples8(png, channels);
  const out = new Uint8Array(plane * 4);
  for (let i = 0; i < plane; i++) {
    const at = i * channels;
    const grey = channels <= 2;
    out[i * 4] = data[at] ?? 0;
    out[i * 4 + 1] = data[grey ? at : at + 1] ?? 0;
    out[i * 4 + 2] = data[grey ? at : at + 2] ?? 0;
    out[i * 4 + 3] = channels === 2 || channels === 4 ? (data[at + channels - 1] ?? 255) : 255;
  }
  return { width: png.width, height: png.height, data: out };
}

export function decodeImage(bytes: Uint8Array, format: 'png' | 'jpeg', maxPixels: number): Rgba {
  try {
    if (format === 'png') return pngToRgba(bytes);
    const image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: maxPixels / 1e6,
      maxMemoryUsageInMB: Math.ceil((maxPixels * 8) / 1e6),
    });
    return { width: image.width, height: image.height, data: image.data };
  } catch (error) {
    throw new StickerError('BAD_INPUT', `the ${format} could not be decoded: ${error instanceof Error ? error.message : String(error)}`, {
      stage: 'decode',
      reason: 'corrupt',
    });
  }
}
