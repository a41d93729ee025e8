import { mean, type Point } from '../geometry/point.ts';

/**
 * The cut-out outline for a face: its landmark oval grown around the centre, and the points above
 * the eye line lifted further, because the mesh stops at the hairline and a sticker keeps some hair.
 * `eyeLineY` and the points are in the same (sticker) coordinates.
 */
export function stickerMask(oval: readonly Point[], eyeLineY: number, growth: number, foreheadLift: number): Point[] {
  const c = mean(oval);
  return oval.map((p) => {
    const x = c.x + (p.x - c.x) * growth;
    let y = c.y + (p.y - c.y) * growth;
    if (y < eyeLineY) y -= (eyeLineY - y) * foreheadLift;
    return { x, y };
  });
}
