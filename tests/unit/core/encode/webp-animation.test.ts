import { describe, expect, it } from 'vitest';
import { encodeAnimatedWebp, imageChunks } from '../../../../src/core/encode/webp-animation.ts';

const ascii = (b: Uint8Array, i: number, n = 4) => String.fromCharCode(...b.subarray(i, i + n));
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u24 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);

/** A still lossless WebP file with one (fake) VP8L payload: the muxer copies it untouched. */
function stillWebp(payload: number[]): Uint8Array {
  const vp8l = [...'VP8L'].map((c) => c.charCodeAt(0));
  const size = [payload.length, 0, 0, 0];
  const body = [...'WEBP'].map((c) => c.charCodeAt(0)).concat(vp8l, size, payload, payload.length % 2 ? [0] : []);
  return Uint8Array.from([...'RIFF'].map((c) => c.charCodeAt(0)).concat([body.length & 0xff, body.length >> 8, 0, 0], body));
}

describe('animated WebP muxing', () => {
  it('wraps each frame in ANMF behind VP8X (animation + alpha) and ANIM (loop forever)', () => {
    const frames = [stillWebp([1, 2, 3]), stillWebp([4, 5, 6, 7])].map((webp) => ({ webp, durationMs: 90 }));
    const out = encodeAnimatedWebp(frames, 512, 256);
    expect(ascii(out, 0)).toBe('RIFF');
    expect(u32(out, 4)).toBe(out.length - 8);
    expect(ascii(out, 8)).toBe('WEBP');
    expect(ascii(out, 12)).toBe('VP8X');
    expect(out[20]! & 0x02).toBe(0x02); // animation
    expect(out[20]! & 0x10).toBe(0x10); // alpha
    expect(u24(out, 24) + 1).toBe(512);
    expect(u24(out, 27) + 1).toBe(256);
    expect(ascii(out, 30)).toBe('ANIM');
    expect(out[42]! | (out[43]! << 8)).toBe(0); // loop count 0 = forever (after 4 bytes of background colour)
    let offset = 44;
    const durations: number[] = [];
    const payloads: string[] = [];
    while (offset < out.length) {
      expect(ascii(out, offset)).toBe('ANMF');
      const size = u32(out, offset + 4);
      durations.push(u24(out, offset + 8 + 12));
      expect(ascii(out, offset + 8 + 16)).toBe('VP8L');
      payloads.push(Array.from(out.subarray(offset + 8 + 24, offset + 8 + 24 + u32(out, offset + 8 + 20))).join(','));
      offset += 8 + size + (size & 1);
    }
    expect(durations).toEqual([90, 90]);
    expect(payloads).toEqual(['1,2,3', '4,5,6,7']);
  });

  it('keeps ALPH and VP8 chunks and drops a still file’s own VP8X', () => {
    const chunk = (id: string, data: number[]) => [...id].map((c) => c.charCodeAt(0)).concat([data.length, 0, 0, 0], data, data.length % 2 ? [0] : []);
    const body = [...'WEBP'].map((c) => c.charCodeAt(0)).concat(chunk('VP8X', [0x10, 0, 0, 0, 9, 0, 0, 9, 0, 0]), chunk('ALPH', [7]), chunk('VP8 ', [8, 8]));
    const file = Uint8Array.from([...'RIFF'].map((c) => c.charCodeAt(0)).concat([body.length, 0, 0, 0], body));
    const kept = imageChunks(file);
    expect(ascii(kept, 0)).toBe('ALPH');
    expect(ascii(kept, 10)).toBe('VP8 ');
    expect(kept.length).toBe(10 + 10);
  });

  it('refuses bytes that are not WebP', () => {
    expect(() => imageChunks(new Uint8Array(16))).toThrow(/not a WebP/);
  });
});
