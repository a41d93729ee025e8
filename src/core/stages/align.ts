import type { Platform, StickerPlan } from '../platform.ts';
import { eyeCenters, faceOval, type FaceLandmarks } from '../face/landmarks.ts';
import { stickerMask } from '../face/face-mask.ts';
import { applySimilarity, similarityFromPairs } from '../geometry/similarity.ts';
import type { Point } from '../geometry/point.ts';
import { layoutCaption } from '../caption-layout.ts';
import { captionBox, placeCaption } from '../caption-placement.ts';
import type { OverlayKind } from '../animation/motion-frames.ts';
import { DEFAULT_CAPTION_PLACEMENT, DEFAULT_OUTLINE, type CaptionPlacement, type Outline } from '../sticker-options.ts';
import { placeMarks } from '../expression/marks.ts';
import type { FloatMask } from '../image/float-mask.ts';
import { LAYOUTS, STICKER_SIZE, eyeTargetsPx, type StickerLayout } from '../sticker-layout.ts';

/** The eye targets turned by `tilt` radians about their midpoint (positive: clockwise on screen). */
function tiltedTargets(size: number, tilt: number, layout: StickerLayout): [Point, Point] {
  const [r, l] = eyeTargetsPx(size, layout);
  if (tilt === 0) return [r, l];
  const c = { x: (r.x + l.x) / 2, y: (r.y + l.y) / 2 };
  const turn = similarityFromPairs(c, { x: c.x + 1, y: c.y }, c, { x: c.x + Math.cos(tilt), y: c.y + Math.sin(tilt) });
  return [applySimilarity(turn, r), applySimilarity(turn, l)];
}

export interface AlignOptions {
  /** Head roll from the expression, radians. */
  tilt?: number;
  /** The face after the expression warp; the cut-out follows it. */
  shaped?: FaceLandmarks;
  /** The expression's symbols (tears, blush...), and how strongly they show. */
  marks?: { kinds: readonly OverlayKind[]; strength: number };
  layout?: StickerLayout;
  outline?: Outline;
  /** The segmented person (photo pixels) for a person cutout; absent or null cuts the face oval. */
  person?: FloatMask | null;
  captionPlacement?: CaptionPlacement;
}

/**
 * Plan the sticker: rotate and scale the photo so the eyes as photographed land on the layout's
 * spots (turned by the expression's head tilt, if any). The cut-out follows the face after the
 * expression warp, so a dropped jaw stays inside the outline. Marks are placed by the turned eye
 * targets and faded by their strength.
 */
export function alignStage<Img, Surface>(platform: Platform<Img, Surface>, face: FaceLandmarks, caption: string, options: AlignOptions = {}): StickerPlan {
  const {
    tilt = 0,
    shaped = face,
    marks = { kinds: [], strength: 0 },
    layout = LAYOUTS.photo,
    outline = DEFAULT_OUTLINE,
    person = null,
    captionPlacement = DEFAULT_CAPTION_PLACEMENT,
  } = options;
  const size = STICKER_SIZE;
  const [rightEye, leftEye] = eyeCenters(face);
  const [rightTarget, leftTarget] = tiltedTargets(size, tilt, layout);
  const transform = similarityFromPairs(rightEye, leftEye, rightTarget, leftTarget);
  const oval = faceOval(shaped).map((p) => applySimilarity(transform, p));
  const mask = stickerMask(oval, (rightTarget.y + leftTarget.y) / 2, layout.maskGrowth, layout.foreheadLift);

  const lines = layoutCaption(caption, captionBox(size), platform.measureCaption);
  const placed = placeCaption(lines, captionPlacement, size, platform.measureCaption);
  const overlays = placeMarks(marks.kinds, size, [rightTarget, leftTarget], marks.strength);
  const cut = person === null ? null : { mask: person, oval };
  return { size, style: layout.style, transform, mask, outline, person: cut, caption: placed, overlays };
}
