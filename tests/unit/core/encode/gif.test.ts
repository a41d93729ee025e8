import { describe, expect, it } from 'vitest';
import { encodeGif } from '../../../../src/core/encode/gif.ts';

const ascii = (b: Uint8Array, i: number, n = 4) => String.fromCharCode(...b.subarray(i, i + n));

describe('animated GIF', () => {
  it('loops forever, one frame per input, transparent where the input is', () => {
    const size = 8;
    const frame = (shade: number) => {
      const rgba = new Uint8ClampedArray(size * size * 4);
      for (let i = 0; i < size * size; i++) {
        const opaque = i % size < size / 2;
        rgba.set(opaque ? [shade, 40, 200, 255] : [0, 0, 0, 0], i * 4);
      }
      return { rgba, width: size, height: size, delayMs: 90 };
    };
    const gif = encodeGif([frame(10), frame(120), frame(250)]);
    expect(ascii(gif, 0, 6)).toBe('GIF89a');
    const text = String.fromCharCode(...gif);
    expect(text).toContain('NETSCAPE2.0');
    const loop = text.indexOf('NETSCAPE2.0') + 11;
    expect(gif[loop + 2]! | (gif[loop + 3]! << 8)).toBe(0);
    // Graphic control extensions: one per frame, with the transparency flag and 9-cs delay.
    const gces: number[] = [];
    for (let i = 0; i + 2 < gif.length; i++) if (gif[i] === 0x21 && gif[i + 1] === 0xf9 && gif[i + 2] === 0x04) gces.push(i);
    expect(gces).toHaveLength(3);
    for (const at of gces) {
      expect(gif[at + 3]! & 0x01).toBe(1);
      expect(gif[at + 4]! | (gif[at + 5]! << 8)).toBe(9);
    }
    expect(gif[gif.length - 1]).toBe(0x3b);
  });
});
