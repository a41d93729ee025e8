import type { Point } from './point.ts';
import type { Similarity } from './similarity.ts';

/**
 * A general 2-D affine map in canvas order: x' = a·x + c·y + e,  y' = b·x + d·y + f.
 * Template slots need it: their perspective squash and shear are not similarities.
 */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export function affineOf(t: Similarity): Affine {
  return { a: t.a, b: t.b, c: -t.b, d: t.a, e: t.tx, f: t.ty };
}

/** outer ∘ inner: inner first. */
export function composeAffine(outer: Affine, inner: Affine): Affine {
  return {
    a: outer.a * inner.a + outer.c * inner.b,
    b: outer.b * inner.a + outer.d * inner.b,
    c: outer.a * inner.c + outer.c * inner.d,
    d: outer.b * inner.c + outer.d * inner.d,
    e: outer.a * inner.e + outer.c * inner.f + outer.e,
    f: outer.b * inner.e + outer.d * inner.f + outer.f,
  };
}

export function applyAffine(t: Affine, p: Point): Point {
  return { x: t.a * p.x + t.c * p.y + t.e, y: t.b * p.x + t.d * p.y + t.f };
}

/**
 * A fake perspective that leaves the eye line where it is: across the line, distances are scaled by
 * `squash` and points slide along it by `shear` times their distance from it. The eyes stay exactly
 * on their targets, so a slot can lean back or look up without moving where the eyes land.
 */
export function eyeLineWarp(eyes: readonly [Point, Point], squash: number, shear: number): Affine {
  const [r, l] = eyes;
  const len = Math.hypot(l.x - r.x, l.y - r.y);
  if (len === 0) throw new RangeError('eye targets coincide');
  const u = { x: (l.x - r.x) / len, y: (l.y - r.y) / len };
  const n = { x: -u.y, y: u.x };
  // Linear part U·[[1, shear], [0, squash]]·Uᵀ, with U = [u n].
  const m11 = u.x * u.x + (u.x * shear + n.x * squash) * n.x;
  const m12 = u.x * u.y + (u.x * shear + n.x * squash) * n.y;
  const m21 = u.y * u.x + (u.y * shear + n.y * squash) * n.x;
  const m22 = u.y * u.y + (u.y * shear + n.y * squash) * n.y;
  const m = { x: (r.x + l.x) / 2, y: (r.y + l.y) / 2 };
  return { a: m11, b: m21, c: m12, d: m22, e: m.x - m11 * m.x - m12 * m.y, f: m.y - m21 * m.x - m22 * m.y };
}
