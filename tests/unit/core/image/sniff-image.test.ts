import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StickerError } from '../../../../src/core/errors.ts';
import { MAX_SOURCE_PIXELS, sniffImage } from '../../../../src/core/image/sniff-image.ts';
import {
  PNG_SIGNATURE,
  SCAN_DATA,
  bmp,
  bytes,
  exifWithThumbnail,
  ftyp,
  gif,
  jpeg,
  jpegSegment,
  png,
  pngChunk,
  pngIhdr,
  toArrayBuffer,
  u32le,
  webp,
} from '../../support/image-bytes.ts';

/** The StickerError sniffImage throws, or a failed expectation if it throws nothing or something else. */
function sniffError(input: Uint8Array | ArrayBuffer): StickerError {
  try {
    sniffImage(input);
  } catch (error) {
    expect(error).toBeInstanceOf(StickerError);
    return error as StickerError;
  }
  throw new Error('sniffImage accepted the bytes');
}

function expectRejected(input: Uint8Array | ArrayBuffer, reason: string): void {
  const error = sniffError(input);
  expect(error.code).toBe('BAD_INPUT');
  expect(error.stage).toBe('decode');
  expect(error.reason).toBe(reason);
}

describe('PNG', () => {
  it('reads format and size from IHDR', () => {
    expect(sniffImage(png(640, 480))).toEqual({ format: 'png', width: 640, height: 480 });
    expect(sniffImage(png(1, 70_000))).toEqual({ format: 'png', width: 1, height: 70_000 });
  });

  it('accepts an ArrayBuffer as well as a Uint8Array, and a view into a larger buffer', () => {
    expect(sniffImage(toArrayBuffer(png(32, 16)))).toEqual({ format: 'png', width: 32, height: 16 });
    const padded = bytes([1, 2, 3], png(32, 16), [9, 9]);
    expect(sniffImage(padded.subarray(3, padded.length - 2))).toEqual({ format: 'png', width: 32, height: 16 });
  });

  it('skips chunks it does not know by their length, even ones that hold "IEND" as data', () => {
    const sneaky = pngChunk('tEXt', [...new TextEncoder().encode('IEND IEND IEND')]);
    const file = bytes(PNG_SIGNATURE, pngIhdr(7, 9), sneaky, pngChunk('IDAT', [1, 2, 3]), pngChunk('IEND'));
    expect(sniffImage(file)).toEqual({ format: 'png', width: 7, height: 9 });
    // Cut before the real IEND: the IEND text inside tEXt must not count.
    expect(() => sniffImage(file.subarray(0, file.length - 12))).toThrow(StickerError);
  });

  it('truncated (no IEND) → truncated', () => {
    expectRejected(png(640, 480, { iend: false }), 'truncated');
  });

  it('cut anywhere before the end → truncated', () => {
    const full = png(640, 480);
    for (const cut of [8, 12, 20, 33, full.length - 12, full.length - 1]) expectRejected(full.subarray(0, cut), 'truncated');
  });

  it('signature only → truncated', () => {
    expectRejected(Uint8Array.from(PNG_SIGNATURE), 'truncated');
  });

  it('IEND without IHDR → not-image', () => {
    expectRejected(bytes(PNG_SIGNATURE, pngChunk('IEND')), 'not-image');
  });

  it('zero width or height → not-image', () => {
    expectRejected(png(0, 480), 'not-image');
    expectRejected(png(640, 0), 'not-image');
  });

  it('a header claiming 50000×50000 → too-large, refused before decoding', () => {
    expectRejected(png(50_000, 50_000), 'too-large');
  });

  it('the pixel limit is inclusive: exactly MAX_SOURCE_PIXELS passes, one row more does not', () => {
    expect(MAX_SOURCE_PIXELS).toBe(120_000_000);
    expect(sniffImage(png(12_000, 10_000))).toMatchObject({ width: 12_000, height: 10_000 });
    expectRejected(png(12_000, 10_001), 'too-large');
  });

  it('reads sizes above 2^31 as unsigned (huge, not negative)', () => {
    expectRejected(png(0x80000000, 1), 'too-large');
  });
});

describe('JPEG', () => {
  it('reads format and size from SOF0, past APP0 and FF 00 stuffing in the scan', () => {
    expect(SCAN_DATA).toContain(0xff); // the scan really has stuffed bytes and a restart marker
    expect(sniffImage(jpeg(512, 600))).toEqual({ format: 'jpeg', width: 512, height: 600 });
    expect(sniffImage(jpeg(4032, 3024))).toEqual({ format: 'jpeg', width: 4032, height: 3024 });
  });

  it('reads the size from a progressive (SOF2) frame too', () => {
    const file = jpeg(300, 200);
    const sof = file.indexOf(0xc0, 4); // first SOF0 marker byte after SOI
    expect(file[sof - 1]).toBe(0xff);
    file[sof] = 0xc2;
    expect(sniffImage(file)).toEqual({ format: 'jpeg', width: 300, height: 200 });
  });

  it('skips fill bytes between segments', () => {
    const file = bytes([0xff, 0xd8, 0xff, 0xff], jpeg(20, 10).subarray(2));
    expect(sniffImage(file)).toEqual({ format: 'jpeg', width: 20, height: 10 });
  });

  it('an EXIF thumbnail with its own FF D9 before the frame does not hide a cut main scan', () => {
    const whole = jpeg(800, 600, { extra: [exifWithThumbnail()] });
    expect(sniffImage(whole)).toEqual({ format: 'jpeg', width: 800, height: 600 });
    expectRejected(jpeg(800, 600, { extra: [exifWithThumbnail()], eoi: false }), 'truncated');
  });

  it('truncated after SOS (no EOI) → truncated', () => {
    expectRejected(jpeg(512, 600, { eoi: false }), 'truncated');
  });

  it('cut inside the header segments → truncated', () => {
    const full = jpeg(512, 600, { extra: [exifWithThumbnail()] });
    for (const cut of [3, 4, 10, 30, 60]) expectRejected(full.subarray(0, cut), 'truncated');
  });

  it('garbage where a marker should be → not-image', () => {
    expectRejected(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78]), 'not-image');
  });

  it('a complete scan but no frame header → not-image', () => {
    const noFrame = bytes([0xff, 0xd8], jpegSegment(0xda, [1, 1, 0, 0, 63, 0]), [1, 2, 3], [0xff, 0xd9]);
    expectRejected(noFrame, 'not-image');
  });

  it('a frame of 0 pixels → not-image; an enormous one → too-large', () => {
    expectRejected(jpeg(0, 600), 'not-image');
    expectRejected(jpeg(65_535, 65_535), 'too-large');
  });
});

describe('WebP', () => {
  it('is detected from RIFF/WEBP, without a size', () => {
    expect(sniffImage(webp())).toEqual({ format: 'webp' });
  });

  it('accepts trailing bytes after the RIFF body', () => {
    expect(sniffImage(bytes(webp(), [0, 0, 0]))).toEqual({ format: 'webp' });
  });

  it('a RIFF size larger than the data → truncated', () => {
    const whole = webp();
    expectRejected(webp({ declaredSize: whole.length }), 'truncated'); // 8 more than the body
    expectRejected(whole.subarray(0, whole.length - 1), 'truncated');
  });

  it('reads the RIFF size as unsigned little-endian', () => {
    const file = webp();
    file.set(u32le(0xfffffff0), 4);
    expectRejected(file, 'truncated');
  });
});

describe('GIF', () => {
  it('reads the logical screen size (little-endian)', () => {
    expect(sniffImage(gif(300, 2))).toEqual({ format: 'gif', width: 300, height: 2 });
    expect(sniffImage(bytes('GIF87a', gif(5, 4).subarray(6)))).toEqual({ format: 'gif', width: 5, height: 4 });
  });

  it('without its trailer → truncated', () => {
    const whole = gif(300, 2);
    expectRejected(whole.subarray(0, whole.length - 1), 'truncated');
  });

  it('cut inside image data that happens to hold a 0x3B near the end → truncated', () => {
    const whole = gif(300, 2);
    // Drop the trailer and the last data bytes, then end on data that contains 0x3B.
    expectRejected(bytes(whole.subarray(0, whole.length - 3), [0x3b, 0x10]), 'truncated');
  });
});

describe('BMP', () => {
  it('is detected from its BM signature and bitmap header', () => {
    expect(sniffImage(bmp(2, 2))).toEqual({ format: 'bmp' });
  });

  it('text that starts with "BM" is not an image', () => {
    expectRejected(bytes('BMW owners club newsletter, issue 42'), 'not-image');
  });

  it('shorter than its file header says → truncated', () => {
    const whole = bmp(4, 4);
    expectRejected(whole.subarray(0, whole.length - 8), 'truncated');
  });
});

describe('ISO media (HEIF, AVIF)', () => {
  it('AVIF (avif, avis) is accepted', () => {
    expect(sniffImage(ftyp('avif', ['mif1', 'miaf']))).toEqual({ format: 'avif' });
    expect(sniffImage(ftyp('avis', ['avif', 'msf1']))).toEqual({ format: 'avif' });
  });

  it.each(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'])('HEIF brand %s → unsupported-format', (brand) => {
    expectRejected(ftyp(brand, ['mif1', 'heic']), 'unsupported-format');
  });

  it('AVIF named only among the compatible brands (major brand mif1) is accepted', () => {
    expect(sniffImage(ftyp('mif1', ['miaf', 'avif']))).toEqual({ format: 'avif' });
  });

  it('an unknown brand (e.g. an MP4 video) → not-image', () => {
    expectRejected(ftyp('isom', ['iso2', 'mp41']), 'not-image');
  });
});

describe('not images', () => {
  it('empty → empty', () => {
    expectRejected(new Uint8Array(0), 'empty');
    expectRejected(new ArrayBuffer(0), 'empty');
  });

  it('text → not-image', () => {
    expectRejected(new TextEncoder().encode('这不是图片 — this is not an image\n'.repeat(20)), 'not-image');
    expectRejected(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'not-image');
  });

  it('a single byte or a lone JPEG SOI → not a success', () => {
    expectRejected(Uint8Array.of(0x89), 'not-image');
    expectRejected(Uint8Array.of(0xff, 0xd8), 'not-image');
  });

  it('the error is a StickerError with a developer message', () => {
    const error = sniffError(new Uint8Array(0));
    expect(error.message).toMatch(/empty/);
    expect(error.toInfo()).toMatchObject({ code: 'BAD_INPUT', retryable: false, stage: 'decode', reason: 'empty' });
  });
});

describe('the shared fixture photos', () => {
  const root = fileURLToPath(new URL('../../../..', import.meta.url));
  const dir = process.env.BIAOQING_FIXTURES_DIR ?? path.resolve(root, '../shared/fixtures');
  const jpg = path.join(dir, 'faces/grace_hopper.jpg');
  const pngFile = path.join(dir, 'faces/astronaut.png');

  /** The first 60% of a file: what an interrupted download leaves. */
  const cut = (file: string) => {
    const whole = readFileSync(file);
    return whole.subarray(0, Math.floor(whole.length * 0.6));
  };

  it.skipIf(!existsSync(jpg))('grace_hopper.jpg is a 512×600 JPEG', () => {
    expect(sniffImage(readFileSync(jpg))).toEqual({ format: 'jpeg', width: 512, height: 600 });
  });

  it.skipIf(!existsSync(jpg))('60% of grace_hopper.jpg → truncated', () => {
    expectRejected(cut(jpg), 'truncated');
  });

  it.skipIf(!existsSync(pngFile))('astronaut.png is a 512×512 PNG', () => {
    expect(sniffImage(readFileSync(pngFile))).toEqual({ format: 'png', width: 512, height: 512 });
  });

  it.skipIf(!existsSync(pngFile))('60% of astronaut.png → truncated', () => {
    expectRejected(cut(pngFile), 'truncated');
  });
});
