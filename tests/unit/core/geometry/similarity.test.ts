import { describe, expect, it } from 'vitest';
import type { Point } from '../../../../src/core/geometry/point.ts';
import { angleOf, applySimilarity, scaleOf, similarityFromPairs, toCanvasMatrix, type Similarity } from '../../../../src/core/geometry/similarity.ts';

function expectPoint(actual: Point, expected: Point, digits = 9): void {
  expect(actual.x).toBeCloseTo(expected.x, digits);
  expect(actual.y).toBeCloseTo(expected.y, digits);
}

/** Reference transform built from angle/scale/translation, to check the solver against. */
function rotateScale(angle: number, scale: number, tx: number, ty: number): (p: Point) => Point {
  const c = Math.cos(angle) * scale;
  const s = Math.sin(angle) * scale;
  return (p) => ({ x: c * p.x - s * p.y + tx, y: s * p.x + c * p.y + ty });
}

describe('similarityFromPairs', () => {
  const cases: [string, Point, Point, Point, Point][] = [
    ['identity', { x: 1, y: 2 }, { x: 5, y: 2 }, { x: 1, y: 2 }, { x: 5, y: 2 }],
    ['pure translation', { x: 0, y: 0 }, { x: 10, y: 0 }, { x: 7, y: -3 }, { x: 17, y: -3 }],
    ['scale ×2.5', { x: 0, y: 0 }, { x: 4, y: 0 }, { x: 0, y: 0 }, { x: 10, y: 0 }],
    ['rotation 90°', { x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 10 }],
    ['rotation 180°', { x: 3, y: 4 }, { x: 13, y: 4 }, { x: 50, y: 60 }, { x: 40, y: 60 }],
    ['tilted eyes to level targets', { x: 100, y: 200 }, { x: 180, y: 210 }, { x: 192, y: 184.32 }, { x: 320, y: 184.32 }],
    ['arbitrary', { x: -17.3, y: 42.1 }, { x: 311.9, y: -8.75 }, { x: 0.5, y: 1e3 }, { x: -220, y: 640.25 }],
  ];

  it.each(cases)('%s: maps p1 → q1 and p2 → q2 exactly', (_name, p1, p2, q1, q2) => {
    const t = similarityFromPairs(p1, p2, q1, q2);
    expectPoint(applySimilarity(t, p1), q1);
    expectPoint(applySimilarity(t, p2), q2);
  });

  it('recovers a known rotation, scale and translation', () => {
    const angle = 0.7;
    const scale = 1.75;
    const f = rotateScale(angle, scale, 12, -34);
    const p1 = { x: 3, y: 9 };
    const p2 = { x: -40, y: 21 };
    const t = similarityFromPairs(p1, p2, f(p1), f(p2));
    expect(scaleOf(t)).toBeCloseTo(scale, 12);
    expect(angleOf(t)).toBeCloseTo(angle, 12);
    expect(t.tx).toBeCloseTo(12, 9);
    expect(t.ty).toBeCloseTo(-34, 9);
    // Any third point follows the same transform (it is a similarity, not just a two-point fit).
    const p3 = { x: 123, y: -456 };
    expectPoint(applySimilarity(t, p3), f(p3));
  });

  it('rotation by 90° sends the x axis to +y (clockwise on screen)', () => {
    const t = similarityFromPairs({ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 1 });
    expect(t.a).toBeCloseTo(0, 12);
    expect(t.b).toBeCloseTo(1, 12);
    expect(angleOf(t)).toBeCloseTo(Math.PI / 2, 12);
    expectPoint(applySimilarity(t, { x: 0, y: 1 }), { x: -1, y: 0 });
  });

  it('rotation by 180° flips both axes and keeps the scale', () => {
    const t = similarityFromPairs({ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 0, y: 0 }, { x: -2, y: 0 });
    expect(scaleOf(t)).toBeCloseTo(1, 12);
    expect(Math.abs(angleOf(t))).toBeCloseTo(Math.PI, 12);
    expectPoint(applySimilarity(t, { x: 3, y: 5 }), { x: -3, y: -5 });
  });

  it('preserves distances up to the scale factor', () => {
    const t = similarityFromPairs({ x: 10, y: 10 }, { x: 20, y: 30 }, { x: -5, y: 2 }, { x: 55, y: -18 });
    const a = { x: 1, y: 2 };
    const b = { x: -7, y: 11 };
    const before = Math.hypot(a.x - b.x, a.y - b.y);
    const ta = applySimilarity(t, a);
    const tb = applySimilarity(t, b);
    expect(Math.hypot(ta.x - tb.x, ta.y - tb.y)).toBeCloseTo(before * scaleOf(t), 9);
  });

  it('throws RangeError when the source points coincide', () => {
    const p = { x: 4, y: 4 };
    expect(() => similarityFromPairs(p, { ...p }, { x: 0, y: 0 }, { x: 1, y: 0 })).toThrow(RangeError);
  });

  it('coincident targets are fine: everything collapses onto that point', () => {
    const t = similarityFromPairs({ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 5, y: 5 }, { x: 5, y: 5 });
    expect(scaleOf(t)).toBe(0);
    expectPoint(applySimilarity(t, { x: 99, y: -3 }), { x: 5, y: 5 });
  });
});

describe('scaleOf and angleOf', () => {
  it('read scale and angle from (a, b)', () => {
    const t: Similarity = { a: 3, b: 4, tx: 0, ty: 0 };
    expect(scaleOf(t)).toBe(5);
    expect(angleOf(t)).toBeCloseTo(Math.atan2(4, 3), 15);
  });

  it('angle is positive for a clockwise turn on a y-down screen', () => {
    // Clockwise on screen: the point to the right (1,0) moves down, to (cos θ, sin θ) with y > 0.
    const t = similarityFromPairs({ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 0 }, { x: Math.cos(0.3), y: Math.sin(0.3) });
    expect(angleOf(t)).toBeCloseTo(0.3, 12);
    const ccw = similarityFromPairs({ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 0 }, { x: Math.cos(0.3), y: -Math.sin(0.3) });
    expect(angleOf(ccw)).toBeCloseTo(-0.3, 12);
  });
});

describe('toCanvasMatrix', () => {
  it('matches canvas semantics x′ = a·x + c·y + e, y′ = b·x + d·y + f', () => {
    const t = similarityFromPairs({ x: 100, y: 200 }, { x: 180, y: 210 }, { x: 192, y: 184.32 }, { x: 320, y: 184.32 });
    const [a, b, c, d, e, f] = toCanvasMatrix(t);
    for (const p of [
      { x: 0, y: 0 },
      { x: 100, y: 200 },
      { x: -30, y: 77 },
      { x: 512, y: 3 },
    ]) {
      const canvas = { x: a * p.x + c * p.y + e, y: b * p.x + d * p.y + f };
      expectPoint(canvas, applySimilarity(t, p));
    }
  });

  it('puts the rotation terms in canvas order (b then −b)', () => {
    expect(toCanvasMatrix({ a: 2, b: 3, tx: 5, ty: 7 })).toEqual([2, 3, -3, 2, 5, 7]);
  });
});
