// Uploads decoded by sharp into the redraw's square: colour models and encodings phones and editors
// write (CMYK and progressive JPEG, interlaced and 16-bit PNG), transparency on white, the centre
// square, and the refusals (damaged data, more pixels than the limit) as BAD_INPUT.

import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { StickerError } from '../../src/core/errors.ts';
import { decodeSquare } from '../../server/image/square.ts';
import { jpeg } from '../unit/support/image-bytes.ts';

const SIZE = 8;
const LIMIT = 25e6;

async function encoded(make: (image: Sharp) => Sharp, background: string, channels: 3 | 4 = 3): Promise<Uint8Array> {
  return new Uint8Array(await make(sharp({ create: { width: 64, height: 48, channels, background } })).toBuffer());
}

async function pixels(bytes: Uint8Array, format: 'png' | 'jpeg'): Promise<number[][]> {
  const square = await decodeSquare({ bytes, format, orientation: 1, maxPixels: LIMIT, size: SIZE });
  expect(square.length).toBe(SIZE * SIZE * 4);
  return Array.from({ length: SIZE * SIZE }, (_, i) => Array.from(square.subarray(i * 4, i * 4 + 4)));
}

/** The square's first pixel, and whether every pixel is that one. */
async function pixel(bytes: Uint8Array, format: 'png' | 'jpeg'): Promise<{ rgba: number[]; uniform: boolean }> {
  const all = await pixels(bytes, format);
  const rgba = all[0]!;
  return { rgba, uniform: all.every((p) => p.every((v, c) => Math.abs(v - rgba[c]!) <= 2)) };
}

function near(actual: number[], expected: number[], tolerance: number): void {
  expect(
    actual.map((v, i) => Math.abs(v - expected[i]!) <= tolerance),
    `${actual} ≈ ${expected}`,
  ).toEqual(expected.map(() => true));
}

describe('sharp decoding', () => {
  it('reads CMYK and progressive JPEG as sRGB', async () => {
    const cmyk = await pixel(await encoded((i) => i.toColourspace('cmyk').jpeg(), '#d02020'), 'jpeg');
    // Through a CMYK profile and back: the same red, a little off in the dark channels.
    near(cmyk.rgba, [208, 32, 32, 255], 40);
    const progressive = await pixel(await encoded((i) => i.jpeg({ progressive: true }), '#20d040'), 'jpeg');
    near(progressive.rgba, [32, 208, 64, 255], 6);
    expect(progressive.uniform).toBe(true);
  });

  it('reads interlaced and 16-bit PNG, and puts transparency on white', async () => {
    const interlaced = await pixel(await encoded((i) => i.png({ progressive: true }), '#2040d080', 4), 'png');
    // Half-transparent blue over white.
    near(interlaced.rgba, [143, 159, 231, 255], 2);
    expect(interlaced.uniform).toBe(true);
    const grey16 = await pixel(await encoded((i) => i.toColourspace('grey16').png(), '#808080'), 'png');
    near(grey16.rgba, [128, 128, 128, 255], 1);
  });

  it('takes the centre square of a wide image', async () => {
    // Red | green | blue thirds across 96×32: the centre square is the green third.
    const thirds = Buffer.alloc(96 * 32 * 3);
    for (let i = 0; i < 96 * 32; i++) thirds[i * 3 + Math.floor((i % 96) / 32)] = 255;
    const png = new Uint8Array(
      await sharp(thirds, { raw: { width: 96, height: 32, channels: 3 } })
        .png()
        .toBuffer(),
    );
    // Scaling lets the neighbouring thirds tint the square's edges a little, never more.
    for (const rgba of await pixels(png, 'png')) near(rgba, [0, 255, 0, 255], 40);
  });

  it('decodes a JPEG right at the pixel limit, which the pure-JS decoder’s memory cap refused', async () => {
    const atLimit = new Uint8Array(
      await sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#3060a0' } })
        .jpeg()
        .toBuffer(),
    );
    const square = await decodeSquare({ bytes: atLimit, format: 'jpeg', orientation: 1, maxPixels: 1000 * 1000, size: SIZE });
    near(Array.from(square.subarray(0, 4)), [48, 96, 160, 255], 4);
  });

  it('refuses damaged data and too many pixels as BAD_INPUT', async () => {
    const damaged = decodeSquare({ bytes: jpeg(64, 64), format: 'jpeg', orientation: 1, maxPixels: LIMIT, size: SIZE });
    await expect(damaged).rejects.toBeInstanceOf(StickerError);
    await expect(damaged).rejects.toMatchObject({ code: 'BAD_INPUT', reason: 'corrupt', stage: 'decode' });
    const big = await encoded((i) => i.png(), '#ffffff');
    await expect(decodeSquare({ bytes: big, format: 'png', orientation: 1, maxPixels: 64 * 48 - 1, size: SIZE })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/pixel limit/),
    });
  });
});
