import type { Platform, StickerPlan } from '../platform.ts';
import { eyeCenters, faceOval, type FaceLandmarks } from '../face/landmarks.ts';
import { stickerMask } from '../face/face-mask.ts';
import { applySimilarity, similarityFromPairs } from '../geometry/similarity.ts';
import type { Point } from '../geometry/point.ts';
import { layoutCaption } from '../caption-layout.ts';
import type { OverlayKind } from '../animation/motion-frames.ts';
import { placeMarks } from '../expression/marks.ts';
import {
  CAPTION_BAND,
  CAPTION_FONT_MAX,
  CAPTION_FONT_MIN,
  CAPTION_MAX_LINES,
  MASK_FOREHEAD_LIFT,
  MASK_GROWTH,
  OUTLINE_WIDTH,
  STICKER_SIZE,
  eyeTargetsPx,
} from '../sticker-layout.ts';

const LINE_HEIGHT = 1.15;

/** The eye targets turned by `tilt` radians about their midpoint (positive: clockwise on screen). */
function tiltedTargets(size: number, tilt: number): [Point, Point] {
  const [r, l] = eyeTargetsPx(size);
  if (tilt === 0) return [r, l];
  const c = { x: (r.x + l.x) / 2, y: (r.y + l.y) / 2 };
  const turn = similarityFromPairs(c, { x: c.x + 1, y: c.y }, c, { x: c.x + Math.cos(tilt), y: c.y + Math.sin(tilt) });
  return [applySimilarity(turn, r), applySimilarity(turn, l)];
}

/**
 * Plan the sticker: rotate and scale the photo so the eyes as photographed land on their canonical
 * spots (turned by the expression's head tilt, if any). The cut-out follows `shaped`, the face after
 * the expression warp, so a dropped jaw stays inside the outline. `marks` are the expression's
 * symbols (tears, blush...), placed by the turned eye targets and faded by `strength`.
 */
export function alignStage<Img, Surface>(
  platform: Platform<Img, Surface>,
  face: FaceLandmarks,
  caption: string,
  tilt = 0,
  shaped: FaceLandmarks = face,
  marks: { kinds: readonly OverlayKind[]; strength: number } = { kinds: [], strength: 0 },
): StickerPlan {
  const size = STICKER_SIZE;
  const [rightEye, leftEye] = eyeCenters(face);
  const [rightTarget, leftTarget] = tiltedTargets(size, tilt);
  const transform = similarityFromPairs(rightEye, leftEye, rightTarget, leftTarget);
  const oval = faceOval(shaped).map((p) => applySimilarity(transform, p));
  const mask = stickerMask(oval, (rightTarget.y + leftTarget.y) / 2, MASK_GROWTH, MASK_FOREHEAD_LIFT);

  const bandTop = CAPTION_BAND.top * size;
  const bandBottom = CAPTION_BAND.bottom * size;
  const layout = layoutCaption(
    caption,
    {
      maxWidth: size * (1 - 2 * CAPTION_BAND.margin),
      maxHeight: bandBottom - bandTop,
      maxLines: CAPTION_MAX_LINES,
      fontMax: CAPTION_FONT_MAX,
      fontMin: CAPTION_FONT_MIN,
      lineHeight: LINE_HEIGHT,
    },
    platform.measureCaption,
  );
  // Lines sit on the bottom of the band, the last baseline a little above its edge.
  const step = layout.fontSize * LINE_HEIGHT;
  const lastBaseline = bandBottom - layout.fontSize * 0.2;
  const baselineY = layout.lines.map((_, i) => lastBaseline - (layout.lines.length - 1 - i) * step);
  const overlays = placeMarks(marks.kinds, size, [rightTarget, leftTarget], marks.strength);
  return { size, transform, mask, outlineWidth: OUTLINE_WIDTH, caption: { ...layout, centerX: size / 2, baselineY }, overlays };
}
