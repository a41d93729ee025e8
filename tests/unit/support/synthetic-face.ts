// Synthetic MediaPipe-shaped faces: every landmark defaults to the face centre, then the indices the
// code reads (iris centres, eye corners, the oval) are placed where a test wants them.

import {
  FACE_OVAL,
  LEFT_EYE_CORNERS,
  LEFT_IRIS_CENTER,
  MESH_POINTS_WITH_IRIS,
  RIGHT_EYE_CORNERS,
  RIGHT_IRIS_CENTER,
} from '../../../src/core/face/landmarks.ts';
import type { Point } from '../../../src/core/geometry/point.ts';

export interface FaceSpec {
  /** Subject's right eye (image-left on an upright photo). */
  rightEye: Point;
  leftEye: Point;
  /** Centre and radii of the ellipse the oval points sit on. */
  center: Point;
  rx: number;
  ry: number;
  /** 478 (mesh + iris) or 468 (mesh only). */
  points?: number;
}

/** Points on an ellipse in FACE_OVAL order: from the top, clockwise on screen (y down). */
export function ellipse(center: Point, rx: number, ry: number, count: number = FACE_OVAL.length): Point[] {
  return Array.from({ length: count }, (_, i) => {
    const t = (2 * Math.PI * i) / count;
    return { x: center.x + rx * Math.sin(t), y: center.y - ry * Math.cos(t) };
  });
}

export function syntheticFace(spec: FaceSpec): Point[] {
  const n = spec.points ?? MESH_POINTS_WITH_IRIS;
  const face: Point[] = Array.from({ length: n }, () => ({ ...spec.center }));
  ellipse(spec.center, spec.rx, spec.ry).forEach((p, i) => {
    face[FACE_OVAL[i]!] = p;
  });
  // Eye corners straddle the eye centre, so their mean is the centre itself.
  const corners = (eye: Point, [inner, outer]: readonly [number, number]) => {
    face[inner] = { x: eye.x - 12, y: eye.y - 1 };
    face[outer] = { x: eye.x + 12, y: eye.y + 1 };
  };
  corners(spec.rightEye, RIGHT_EYE_CORNERS);
  corners(spec.leftEye, LEFT_EYE_CORNERS);
  if (n > LEFT_IRIS_CENTER) {
    face[RIGHT_IRIS_CENTER] = { ...spec.rightEye };
    face[LEFT_IRIS_CENTER] = { ...spec.leftEye };
  }
  return face;
}

/** A 478-point face around the given eyes, with an oval proportioned like a real one. */
export function faceAroundEyes(rightEye: Point, leftEye: Point, points: number = MESH_POINTS_WITH_IRIS): Point[] {
  const iod = Math.hypot(leftEye.x - rightEye.x, leftEye.y - rightEye.y);
  const center = { x: (rightEye.x + leftEye.x) / 2, y: (rightEye.y + leftEye.y) / 2 + 0.4 * iod };
  return syntheticFace({ rightEye, leftEye, center, rx: 1.1 * iod, ry: 1.5 * iod, points });
}

/** Ray casting: whether p is strictly inside the polygon. */
export function insidePolygon(p: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
