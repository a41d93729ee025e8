// One animation frame's motion applied to a sticker plan: the face (photo transform and cut-out)
// moves; the caption stays where it is, as in hand-made animated stickers.

import { affineOf, applyAffine, composeAffine } from '../geometry/affine.ts';
import { applySimilarity, composeSimilarity, type Similarity } from '../geometry/similarity.ts';
import type { Point } from '../geometry/point.ts';
import type { StickerPlan } from '../platform.ts';
import type { FrameSpec } from './motion-frames.ts';

export function movePlan(plan: StickerPlan, frame: FrameSpec): StickerPlan {
  const c = plan.size / 2;
  const a = frame.scale * Math.cos(frame.angle);
  const b = frame.scale * Math.sin(frame.angle);
  // Turn and scale about the sticker's centre, then shift.
  const motion: Similarity = { a, b, tx: c - (a * c - b * c) + frame.dx, ty: c - (b * c + a * c) + frame.dy };
  const moved = affineOf(motion);
  const template = plan.template && {
    id: plan.template.id,
    faces: plan.template.faces.map((f) => ({
      ...f,
      transform: composeAffine(moved, f.transform),
      mask: f.mask.map((p) => applyAffine(moved, p)),
      eyes: [applyAffine(moved, f.eyes[0]), applyAffine(moved, f.eyes[1])] as [Point, Point],
    })),
  };
  return {
    ...plan,
    ...(template && { template }),
    transform: composeSimilarity(motion, plan.transform),
    mask: plan.mask.map((p) => applySimilarity(motion, p)),
    person: plan.person === null ? null : { ...plan.person, oval: plan.person.oval.map((p) => applySimilarity(motion, p)) },
    // The expression's symbols move with the face; the motion's own overlays are placed already.
    overlays: [...plan.overlays.map((o) => ({ ...o, ...applySimilarity(motion, o) })), ...frame.overlays],
  };
}
