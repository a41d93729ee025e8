// Where an expression opens the mouth: the inner lip loop after the warp, if it is open enough to
// need painting (the warp alone would show stretched lip skin there).

import type { Point } from '../geometry/point.ts';
import { boundingBox } from '../face/landmarks.ts';
import { INNER_LIP_LOOP, LOWER_LIP_INNER, UPPER_LIP_INNER } from '../face/regions.ts';
import { targetPoint, type WarpMesh } from './warp-mesh.ts';

export interface MouthOpening {
  loop: Point[];
  box: { top: number; bottom: number; left: number; right: number };
}

/** Openings thinner than this share of the mouth width read as closed lips. */
const MIN_OPENING = 0.06;

export function mouthOpening(mesh: WarpMesh): MouthOpening | null {
  const loop = INNER_LIP_LOOP.map((i) => targetPoint(mesh, i));
  const mid = Math.floor(UPPER_LIP_INNER.length / 2);
  const upper = targetPoint(mesh, UPPER_LIP_INNER[mid] ?? 13);
  const lower = targetPoint(mesh, LOWER_LIP_INNER[mid] ?? 14);
  const box = boundingBox(loop);
  const opening = Math.hypot(lower.x - upper.x, lower.y - upper.y);
  if (box.width === 0 || opening / box.width < MIN_OPENING) return null;
  return { loop, box: { top: box.y, bottom: box.y + box.height, left: box.x, right: box.x + box.width } };
}
