import type { Platform, StickerPlan } from '../platform.ts';
import { eyeCenters, faceOval, type FaceLandmarks } from '../face/landmarks.ts';
import { stickerMask } from '../face/face-mask.ts';
import { applySimilarity, similarityFromPairs } from '../geometry/similarity.ts';
import type { Point } from '../geometry/point.ts';
import { layoutCaption } from '../caption-layout.ts';
import type { OverlayKind } from '../animation/motion-frames.ts';
import { DEFAULT_OUTLINE, type Outline } from '../protocol.ts';
import { placeMarks } from '../expression/marks.ts';
import type { FloatMask } from '../image/float-mask.ts';
import {
  CAPTION_BAND,
  CAPTION_FONT_MAX,
  CAPTION_FONT_MIN,
  CAPTION_MAX_LINES,
  LAYOUTS,
  STICKER_SIZE,
  eyeTargetsPx,
  type StickerLayout,
} from '../sticker-layout.ts';

const LINE_HEIGHT = 1.15;

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
}

/**
 * Plan the sticker: rotate and scale the photo so the eyes as photographed land on the layout's
 * spots (turned by the expression's head tilt, if any). The cut-out follows the face after the
 * expression warp, so a dropped jaw stays inside the outline. Marks are placed by the turned eye
 * targets and faded by their strength.
 */
export function alignStage<Img, Surface>(
  platform: Platform<Img, Surface>,
  face: FaceLandmarks,
  caption: string,
  options: AlignOptions = {},
): StickerPlan {
  const { tilt = 0, shaped = face, marks = { kinds: [], strength: 0 }, layout = LAYOUTS.photo, outline = DEFAULT_OUTLINE, person = null } = options;
  const size = STICKER_SIZE;
  const [rightEye, leftEye] = eyeCenters(face);
  const [rightTarget, leftTarget] = tiltedTargets(size, tilt, layout);
  const transform = similarityFromPairs(rightEye, leftEye, rightTarget, leftTarget);
  const oval = faceOval(shaped).map((p) => applySimilarity(transform, p));
  const mask = stickerMask(oval, (rightTarget.y + leftTarget.y) / 2, layout.maskGrowth, layout.foreheadLift);

  const bandTop = CAPTION_BAND.top * size;
  const bandBottom = CAPTION_BAND.bottom * size;
  const captionLayout = layoutCaption(
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
  const step = captionLayout.fontSize * LINE_HEIGHT;
  const lastBaseline = bandBottom - captionLayout.fontSize * 0.2;
  const baselineY = captionLayout.lines.map((_, i) => lastBaseline - (captionLayout.lines.length - 1 - i) * step);
  const overlays = placeMarks(marks.kinds, size, [rightTarget, leftTarget], marks.strength);
  const cut = person === null ? null : { mask: person, oval };
  return { size, style: layout.style, transform, mask, outline, person: cut, caption: { ...captionLayout, centerX: size / 2, baselineY }, overlays };
}
