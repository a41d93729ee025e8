import { describe, expect, it } from 'vitest';
import { applyAffine, eyeLineWarp } from '../../../../src/core/geometry/affine.ts';
import type { Point } from '../../../../src/core/geometry/point.ts';

describe('eyeLineWarp', () => {
  it('keeps both eyes in place and squashes and shears across the eye line', () => {
    const eyes: [Point, Point] = [
      { x: 100, y: 100 },
      { x: 200, y: 120 },
    ];
    const warp = eyeLineWarp(eyes, 0.5, 0.2);
    for (const e of eyes) {
      const p = applyAffine(warp, e);
      expect(p.x).toBeCloseTo(e.x, 9);
      expect(p.y).toBeCloseTo(e.y, 9);
    }
    // A point one eye distance below the midpoint, across the line: half as far, slid along the line.
    const len = Math.hypot(100, 20);
    const u = { x: 100 / len, y: 20 / len };
    const n = { x: -u.y, y: u.x };
    const below = { x: 150 + n.x * 50, y: 110 + n.y * 50 };
    const p = applyAffine(warp, below);
    const across = (p.x - 150) * n.x + (p.y - 110) * n.y;
    const along = (p.x - 150) * u.x + (p.y - 110) * u.y;
    expect(across).toBeCloseTo(25, 9);
    expect(along).toBeCloseTo(10, 9);
  });
});
