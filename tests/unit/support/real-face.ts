// Real landmarks: MediaPipe's 478 points on the shared grace_hopper.jpg fixture (see the JSON's
// source line), so mesh and expression maths are tested on a true face geometry.

import data from '../fixtures/grace-hopper-landmarks.json' with { type: 'json' };
import type { Point } from '../../../src/core/geometry/point.ts';

export const REAL_FACE: Point[] = data.points.map(([x, y]) => ({ x: x!, y: y! }));
export const REAL_SIZE = { width: data.width, height: data.height };

/** The same face turned by `angle` radians about `centre` and scaled by `scale`. */
export function transformed(face: readonly Point[], angle: number, scale: number, centre: Point): Point[] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return face.map((p) => {
    const x = (p.x - centre.x) * scale;
    const y = (p.y - centre.y) * scale;
    return { x: centre.x + c * x - s * y, y: centre.y + s * x + c * y };
  });
}
