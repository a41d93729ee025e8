// Animated WebP from still WebP frames (what canvas encoders make): the frames' image chunks are
// wrapped in ANMF chunks behind a VP8X + ANIM header that says "loop forever". Byte layout per
// https://developers.google.com/speed/webp/docs/riff_container.

import { concat } from './array-buffer.ts';

export interface WebpFrame {
  /** A complete still WebP file (RIFF/WEBP with VP8, VP8L or VP8X+ALPH+VP8). */
  webp: Uint8Array;
  durationMs: number;
}

/** FourCC codes are ASCII (core has no TextEncoder type: it is compiled without DOM). */
function ascii4(code: string): Uint8Array {
  return Uint8Array.from(code, (c) => c.charCodeAt(0));
}

function u24(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
}

function u32(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
}

function chunk(fourcc: string, payload: Uint8Array): Uint8Array {
  const padded = payload.length + (payload.length & 1);
  const out = new Uint8Array(8 + padded);
  out.set(ascii4(fourcc), 0);
  out.set(u32(payload.length), 4);
  out.set(payload, 8);
  return out;
}

/** The image chunks of a still WebP (ALPH, VP8, VP8L), without RIFF header or VP8X. */
export function imageChunks(webp: Uint8Array): Uint8Array {
  const ascii = (i: number) => String.fromCharCode(...webp.subarray(i, i + 4));
  if (ascii(0) !== 'RIFF' || ascii(8) !== 'WEBP') throw new Error('not a WebP file');
  const kept: Uint8Array[] = [];
  let offset = 12;
  while (offset + 8 <= webp.length) {
    const id = ascii(offset);
    const size = (webp[offset + 4] ?? 0) | ((webp[offset + 5] ?? 0) << 8) | ((webp[offset + 6] ?? 0) << 16) | ((webp[offset + 7] ?? 0) << 24);
    const end = offset + 8 + size + (size & 1);
    if (id === 'ALPH' || id === 'VP8 ' || id === 'VP8L') kept.push(webp.subarray(offset, end));
    offset = end;
  }
  if (kept.length === 0) throw new Error('WebP without image data');
  return concat(kept);
}

export function encodeAnimatedWebp(frames: readonly WebpFrame[], width: number, height: number): Uint8Array {
  const FLAG_ANIMATION = 0x02;
  const FLAG_ALPHA = 0x10;
  const vp8x = chunk('VP8X', new Uint8Array([FLAG_ANIMATION | FLAG_ALPHA, 0, 0, 0, ...u24(width - 1), ...u24(height - 1)]));
  // Background transparent; loop count 0 = forever.
  const anim = chunk('ANIM', new Uint8Array([0, 0, 0, 0, 0, 0]));
  const anmf = frames.map((f) => {
    // Offset 0,0; full-canvas frame; no blending, dispose to background: each frame replaces the last.
    const header = new Uint8Array([...u24(0), ...u24(0), ...u24(width - 1), ...u24(height - 1), ...u24(f.durationMs), 0b11]);
    return chunk('ANMF', concat([header, imageChunks(f.webp)]));
  });
  const body = concat([ascii4('WEBP'), vp8x, anim, ...anmf]);
  return concat([ascii4('RIFF'), new Uint8Array(u32(body.length)), body]);
}
