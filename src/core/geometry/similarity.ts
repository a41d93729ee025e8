import type { Point } from './point.ts';

/**
 * A 2-D similarity transform (rotation, uniform scale, translation):
 * x' = a·x − b·y + tx,  y' = b·x + a·y + ty.
 */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/** The transform that takes the source pair (p1, p2) exactly onto the target pair (q1, q2). */
export function similarityFromPairs(p1: Point, p2: Point, q1: Point, q2: Point): Similarity {
  const px = p2.x - p1.x;
  const py = p2.y - p1.y;
  const denom = px * px + py * py;
  if (denom === 0) throw new RangeError('source points coincide');
  const qx = q2.x - q1.x;
  const qy = q2.y - q1.y;
  // (a + ib) = (q2 − q1) / (p2 − p1) as complex numbers.
  const a = (qx * px + qy * py) / denom;
  const b = (qy * px - qx * py) / denom;
  return { a, b, tx: q1.x - (a * p1.x - b * p1.y), ty: q1.y - (b * p1.x + a * p1.y) };
}

export function applySimilarity(t: Similarity, p: Point): Point {
  return { x: t.a * p.x - t.b * p.y + t.tx, y: t.b * p.x + t.a * p.y + t.ty };
}

/** `inner`, then `outer`. */
export function composeSimilarity(outer: Similarity, inner: Similarity): Similarity {
  return {
    a: outer.a * inner.a - outer.b * inner.b,
    b: outer.b * inner.a + outer.a * inner.b,
    tx: outer.a * inner.tx - outer.b * inner.ty + outer.tx,
    ty: outer.b * inner.tx + outer.a * inner.ty + outer.ty,
  };
}

/** The transform that undoes `t`. */
export function invertSimilarity(t: Similarity): Similarity {
  const d = t.a * t.a + t.b * t.b;
  if (d === 0) throw new RangeError('degenerate similarity');
  const a = t.a / d;
  const b = -t.b / d;
  return { a, b, tx: -(a * t.tx - b * t.ty), ty: -(b * t.tx + a * t.ty) };
}

export function scaleOf(t: Similarity): number {
  return Math.hypot(t.a, t.b);
}

/** Rotation in radians (positive = clockwise on screen, since y points down). */
export function angleOf(t: Similarity): number {
  return Math.atan2(t.b, t.a);
}

/** The matrix in the order CanvasRenderingContext2D.setTransform(a, b, c, d, e, f) takes. */
export function toCanvasMatrix(t: Similarity): [number, number, number, number, number, number] {
  return [t.a, t.b, -t.b, t.a, t.tx, t.ty];
}
