import { describe, expect, it } from 'vitest';
import { dilate, open } from '../../../../src/core/image/morphology.ts';

/** A width×height mask set where `inside(x, y)`. */
function mask(width: number, height: number, inside: (x: number, y: number) => boolean): Uint8Array {
  return Uint8Array.from({ length: width * height }, (_, i) => (inside(i % width, Math.floor(i / width)) ? 1 : 0));
}

const count = (m: Uint8Array) => m.reduce((n, v) => n + v, 0);

describe('morphology', () => {
  it('dilates with a round brush', () => {
    const grown = dilate(
      mask(21, 21, (x, y) => x === 10 && y === 10),
      21,
      21,
      5,
    );
    expect(grown[10 * 21 + 15]).toBe(1);
    expect(grown[10 * 21 + 16]).toBe(0);
    // The diagonal at distance 5√2 ≈ 7.1 is outside a round brush of 5, inside a square one.
    expect(grown[15 * 21 + 15]).toBe(0);
    expect(grown[13 * 21 + 14]).toBe(1);
  });

  it('opening cuts a thin bridge between two blocks and keeps the blocks but their corners', () => {
    // Two 12×12 blocks joined by a bridge 2 pixels thick.
    const blocks = (x: number, y: number) => (y >= 4 && y < 16 && ((x >= 2 && x < 14) || (x >= 26 && x < 38))) || (y >= 9 && y < 11 && x >= 14 && x < 26);
    const opened = open(mask(40, 20, blocks), 40, 20, 2);
    expect(opened[10 * 40 + 20], 'the bridge').toBe(0);
    // A round brush cannot reach into a square corner: only those few pixels go.
    expect(count(opened)).toBeGreaterThan(0.9 * 2 * 12 * 12);
    expect(count(opened)).toBeLessThan(2 * 12 * 12);
  });

  it('does not eat a region from the image border (a body cut by the frame)', () => {
    const opened = open(
      mask(20, 20, (_, y) => y >= 10),
      20,
      20,
      3,
    );
    expect(count(opened)).toBe(200);
  });
});
