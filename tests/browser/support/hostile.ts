// Awkward but legitimate photos, made in the test: an alpha PNG, a greyscale PNG (colour type 0), an
// animated GIF, and a valid 12000×12000 PNG. Pixels come from the shared fixtures, decoded by the
// page's canvas; the files are written here with zlib and the app's own GIF encoder.

import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { crc32 } from '../../../src/core/encode/zip.ts';
import { encodeGif } from '../../../src/core/encode/gif.ts';
import type { UploadFile } from './fixtures.ts';

/** RGBA pixels of a fixture as the browser decodes it, optionally with a transparent surround. */
export async function pixelsOf(page: Page, photo: UploadFile, vignette = false): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const { width, height, data } = await page.evaluate(
    async ([base64, type, cut]) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      if (cut) {
        ctx.beginPath();
        ctx.ellipse(bitmap.width / 2, bitmap.height / 2, bitmap.width * 0.45, bitmap.height * 0.48, 0, 0, 2 * Math.PI);
        ctx.clip();
      }
      ctx.drawImage(bitmap, 0, 0);
      const rgba = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      return { width: bitmap.width, height: bitmap.height, data: Array.from(rgba) };
    },
    [photo.buffer.toString('base64'), photo.mimeType, vignette] as const,
  );
  return { width, height, rgba: Uint8ClampedArray.from(data) };
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
  return Buffer.concat([head, body, crc]);
}

/** A PNG from raw scanlines (each row already prefixed with its filter byte 0). */
function png(width: number, height: number, bitDepth: number, colourType: number, rows: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(bitDepth, 8);
  ihdr.writeUInt8(colourType, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function alphaPng(p: { width: number; height: number; rgba: Uint8ClampedArray }): UploadFile {
  const rows = Buffer.alloc((p.width * 4 + 1) * p.height);
  for (let y = 0; y < p.height; y++) Buffer.from(p.rgba.buffer, y * p.width * 4, p.width * 4).copy(rows, y * (p.width * 4 + 1) + 1);
  return { name: 'alpha.png', mimeType: 'image/png', buffer: png(p.width, p.height, 8, 6, rows) };
}

export function greyscalePng(p: { width: number; height: number; rgba: Uint8ClampedArray }): UploadFile {
  const rows = Buffer.alloc((p.width + 1) * p.height);
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const i = 4 * (y * p.width + x);
      rows[y * (p.width + 1) + 1 + x] = Math.round(0.299 * p.rgba[i]! + 0.587 * p.rgba[i + 1]! + 0.114 * p.rgba[i + 2]!);
    }
  }
  return { name: 'greyscale.png', mimeType: 'image/png', buffer: png(p.width, p.height, 8, 0, rows) };
}

/** Three frames: the photo, then it darkened twice; looping forever. */
export function animatedGif(p: { width: number; height: number; rgba: Uint8ClampedArray }): UploadFile {
  const frames = [1, 0.8, 0.6].map((k) => ({
    rgba: p.rgba.map((v, i) => (i % 4 === 3 ? v : v * k)),
    width: p.width,
    height: p.height,
    delayMs: 200,
  }));
  return { name: 'animated.gif', mimeType: 'image/gif', buffer: Buffer.from(encodeGif(frames)) };
}

/** A complete, valid 12000×12000 PNG (1-bit black): 144 megapixels in about 20 KB. */
export function hugePng(side = 12000): UploadFile {
  const rowBytes = Math.ceil(side / 8) + 1;
  return { name: `huge-${side}.png`, mimeType: 'image/png', buffer: png(side, side, 1, 0, Buffer.alloc(rowBytes * side)) };
}
