import type { Platform, StickerPlan } from '../platform.ts';
import { eyeCenters, faceOval, type FaceLandmarks } from '../face/landmarks.ts';
import { stickerMask } from '../face/face-mask.ts';
import { applySimilarity, similarityFromPairs } from '../geometry/similarity.ts';
import { layoutCaption } from '../caption-layout.ts';
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

/** Plan the sticker: rotate and scale the photo so the eyes land on their canonical spots. */
export function alignStage<Img, Surface>(
  platform: Platform<Img, Surface>,
  face: FaceLandmarks,
  caption: string,
): StickerPlan {
  const size = STICKER_SIZE;
  const [rightEye, leftEye] = eyeCenters(face);
  const [rightTarget, leftTarget] = eyeTargetsPx(size);
  const transform = similarityFromPairs(rightEye, leftEye, rightTarget, leftTarget);
  const oval = faceOval(face).map((p) => applySimilarity(transform, p));
  const mask = stickerMask(oval, rightTarget.y, MASK_GROWTH, MASK_FOREHEAD_LIFT);

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
  return { size, transform, mask, outlineWidth: OUTLINE_WIDTH, caption: { ...layout, centerX: size / 2, baselineY } };
}
