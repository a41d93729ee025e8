import { describe, expect, it } from 'vitest';
import { stickerMask } from '../../../../src/core/face/face-mask.ts';
import { mean } from '../../../../src/core/geometry/point.ts';
import { ellipse } from '../../support/synthetic-face.ts';

// A square centred on (100, 100): corners make the arithmetic easy to follow.
const square = [
  { x: 80, y: 80 },
  { x: 120, y: 80 },
  { x: 120, y: 120 },
  { x: 80, y: 120 },
];

describe('stickerMask', () => {
  it('with growth 1 and no lift returns the same outline', () => {
    expect(stickerMask(square, 0, 1, 0.5)).toEqual(square); // eye line above everything: no lift
    expect(stickerMask(square, 100, 1, 0)).toEqual(square);
  });

  it('grows every point away from the centroid by `growth`', () => {
    const mask = stickerMask(square, -Infinity, 1.5, 0.3);
    expect(mask).toEqual([
      { x: 70, y: 70 },
      { x: 130, y: 70 },
      { x: 130, y: 130 },
      { x: 70, y: 130 },
    ]);
  });

  it('lifts points that end up above the eye line by foreheadLift × their distance to it', () => {
    // After growth 1.5 the top corners sit at y = 70; the eye line is at 90, so they rise by 0.5 × 20.
    const mask = stickerMask(square, 90, 1.5, 0.5);
    expect(mask[0]).toEqual({ x: 70, y: 60 });
    expect(mask[1]).toEqual({ x: 130, y: 60 });
    // Points below the eye line only grow.
    expect(mask[2]).toEqual({ x: 130, y: 130 });
    expect(mask[3]).toEqual({ x: 70, y: 130 });
  });

  it('keeps the order and count of an oval and never moves x by the lift', () => {
    const oval = ellipse({ x: 256, y: 260 }, 120, 160);
    const eyeLineY = 184;
    const growth = 1.08;
    const lift = 0.28;
    const c = mean(oval);
    const mask = stickerMask(oval, eyeLineY, growth, lift);
    expect(mask).toHaveLength(oval.length);
    mask.forEach((m, i) => {
      const p = oval[i]!;
      const grownY = c.y + (p.y - c.y) * growth;
      expect(m.x).toBeCloseTo(c.x + (p.x - c.x) * growth, 9);
      if (grownY < eyeLineY) {
        expect(m.y).toBeCloseTo(grownY - (eyeLineY - grownY) * lift, 9);
        expect(m.y).toBeLessThan(grownY);
      } else {
        expect(m.y).toBeCloseTo(grownY, 9);
      }
    });
  });

  it('throws for an empty outline (it has no centre)', () => {
    expect(() => stickerMask([], 0, 1.08, 0.28)).toThrow(RangeError);
  });
});
