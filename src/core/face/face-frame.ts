// A face's own coordinate frame: origin between the eyes, x along the eye line towards the subject's
// left eye, y perpendicular (down the face), unit = the distance between the eyes. Expressions are
// written in it, so they scale with the face and follow its roll.

import type { Point } from '../geometry/point.ts';
import { eyeCenters, type FaceLandmarks } from './landmarks.ts';

export interface FaceFrame {
  origin: Point;
  /** Unit vector along the eye line, in image pixels per face unit / iod. */
  ux: Point;
  /** Unit vector down the face. */
  uy: Point;
  /** Interocular distance in image pixels. */
  iod: number;
}

export function faceFrame(face: FaceLandmarks): FaceFrame {
  const [r, l] = eyeCenters(face);
  const dx = l.x - r.x;
  const dy = l.y - r.y;
  const iod = Math.hypot(dx, dy);
  if (iod === 0) throw new RangeError('eyes coincide');
  const ux = { x: dx / iod, y: dy / iod };
  return { origin: { x: (r.x + l.x) / 2, y: (r.y + l.y) / 2 }, ux, uy: { x: -ux.y, y: ux.x }, iod };
}

/** A displacement given in face units (x along the eyes, y down the face) → image pixels. */
export function toImageVector(frame: FaceFrame, fx: number, fy: number): Point {
  return {
    x: (frame.ux.x * fx + frame.uy.x * fy) * frame.iod,
    y: (frame.ux.y * fx + frame.uy.y * fy) * frame.iod,
  };
}

/** An image point → face units. */
export function toFace(frame: FaceFrame, p: Point): Point {
  const vx = (p.x - frame.origin.x) / frame.iod;
  const vy = (p.y - frame.origin.y) / frame.iod;
  return { x: vx * frame.ux.x + vy * frame.ux.y, y: vx * frame.uy.x + vy * frame.uy.y };
}
