// Where an expression closes an eye: the line the lids meet on after the warp. Squeezing the eye
// shut leaves the iris, white and both lash rows in a thin dark slit that still reads as an open
// eye, at chat size and to a landmarker alike, so a closed eye's lid is painted over it.

import type { Point } from '../geometry/point.ts';
import * as R from '../face/regions.ts';
import { targetPoint, type WarpMesh } from './warp-mesh.ts';

export interface ClosedEye {
  /** Outer corner, where each column of the lids meets, inner corner: the lash line. */
  line: Point[];
  /** The eye's widest opening in the photo, in pixels: how much lid there is to paint. */
  opening: number;
  /** How far the warp closed the eye: 0 as in the photo … 1 lids touching. */
  closure: number;
}

/**
 * Eyes closed less than this are narrowed, not shut: their own lids are left as they are. Angry and
 * disgusted eyes, narrowed and pressed by lowered brows, close to about 0.75.
 */
export const MIN_CLOSURE = 0.78;

const EYES = [
  { corners: R.RIGHT_EYE_CORNERS, upper: R.RIGHT_EYE_UPPER_LID, lower: R.RIGHT_EYE_LOWER_LID },
  { corners: R.LEFT_EYE_CORNERS, upper: R.LEFT_EYE_UPPER_LID, lower: R.LEFT_EYE_LOWER_LID },
] as const;

function sourcePoint(mesh: WarpMesh, i: number): Point {
  return { x: mesh.source[2 * i] ?? 0, y: mesh.source[2 * i + 1] ?? 0 };
}

/**
 * The widest opening between the lids, across the line from corner to corner: an upper and a lower
 * lid point of one column do not sit straight above each other, and met they still lie apart along it.
 */
function widest(columns: readonly (readonly [number, number])[], corners: readonly [number, number], at: (i: number) => Point): number {
  const a = at(corners[0]);
  const b = at(corners[1]);
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const across = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
  return Math.max(...columns.map(([u, l]) => Math.abs((at(l).x - at(u).x) * across.x + (at(l).y - at(u).y) * across.y)));
}

export function closedEyes(mesh: WarpMesh): ClosedEye[] {
  return EYES.flatMap(({ corners, upper, lower }) => {
    const columns = upper.map((u, k) => [u, lower[k] ?? u] as const);
    const opening = widest(columns, corners, (i) => sourcePoint(mesh, i));
    const gap = widest(columns, corners, (i) => targetPoint(mesh, i));
    const closure = opening > 0 ? 1 - gap / opening : 0;
    if (closure < MIN_CLOSURE) return [];
    const meet = columns.map(([u, l]) => {
      const a = targetPoint(mesh, u);
      const b = targetPoint(mesh, l);
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    });
    return [{ line: [targetPoint(mesh, corners[0]), ...meet, targetPoint(mesh, corners[1])], opening, closure }];
  });
}
