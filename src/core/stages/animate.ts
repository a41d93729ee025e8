import type { Platform } from '../platform.ts';
import type { FaceLandmarks } from '../face/landmarks.ts';
import type { Expression } from '../expression/action-units.ts';
import { MOTION_OVERLAY, motionFrames } from '../animation/motion-frames.ts';
import { marksOf } from '../expression/marks.ts';
import { movePlan } from '../animation/move-plan.ts';
import { eyeTargetsPx, type StickerLayout } from '../sticker-layout.ts';
import { StickerError } from '../errors.ts';
import type { CaptionPlacement, Outline } from '../sticker-options.ts';
import { planSticker } from './align-template.ts';
import type { Template } from '../templates/template.ts';
import type { FloatMask } from '../image/float-mask.ts';
import type { Point } from '../geometry/point.ts';
import type { Similarity } from '../geometry/similarity.ts';
import { warpStage } from './warp.ts';

export interface AnimationInput<Img> {
  image: Img;
  size: { width: number; height: number };
  face: FaceLandmarks;
  /** Every face, largest first, for a template's slots. */
  faces: readonly FaceLandmarks[];
  template: Template | undefined;
  expression: { expression: Expression; intensity: number; tilt: number } | null;
  caption: string;
  captionPlacement: CaptionPlacement;
  stickerSize: number;
  gifSize: number;
  layout: StickerLayout;
  outline: Outline;
  /** The still sticker's person cutout, so every frame is cut the same way. */
  person: FloatMask | null;
  /** Where the still placed that cutout: each frame moves the still's cut instead of cutting again. */
  stillCut: { transform: Similarity; oval: Point[] } | null;
}

export interface RenderedFrame {
  rgba: Uint8ClampedArray;
  webp: ArrayBuffer;
}

/** Renders every frame: the expression at the frame's strength, its motion, its overlays. */
export async function animateStage<Img, Surface>(
  platform: Platform<Img, Surface>,
  input: AnimationInput<Img>,
  signal: { readonly aborted: boolean },
  onFrame: (done: number, total: number) => void,
): Promise<RenderedFrame[]> {
  const specs = motionFrames(input.expression?.expression.motion ?? 'none', input.stickerSize, eyeTargetsPx(input.stickerSize, input.layout));
  const frames: RenderedFrame[] = [];
  const motion = input.expression?.expression.motion ?? 'none';
  // Symbols the motion already animates (falling tears, rising hearts) are not drawn still as well.
  const kinds = input.expression === null ? [] : marksOf(input.expression.expression).filter((k) => k !== MOTION_OVERLAY[motion]);
  for (const spec of specs) {
    if (signal.aborted) throw new StickerError('ABORTED', 'cancelled', { stage: 'animate' });
    let picture = input.image;
    let shaped = input.face;
    const e = input.expression;
    if (e !== null && spec.strength > 0.01) {
      const warped = await warpStage(platform, input.image, input.size, input.face, e.expression, e.intensity * spec.strength);
      picture = warped.image;
      shaped = warped.face;
    }
    const marks = { kinds, strength: Math.min(1, e?.intensity ?? 0) * spec.strength };
    const options = {
      tilt: (e?.tilt ?? 0) * spec.strength,
      shaped,
      marks,
      layout: input.layout,
      outline: input.outline,
      person: input.person,
      captionPlacement: input.captionPlacement,
    };
    const moved = movePlan(planSticker(platform, input.faces, input.caption, input.template, options), spec);
    const plan = moved.person === null || input.stillCut === null ? moved : { ...moved, person: { ...moved.person, cutAt: input.stillCut } };
    const surface = await platform.compose(picture, plan);
    if (picture !== input.image) platform.release(picture);
    frames.push({ rgba: await platform.rgba(surface, input.gifSize), webp: await platform.encodeWebp(surface, input.stickerSize) });
    onFrame(frames.length, specs.length);
  }
  return frames;
}
