// The align stage for a template sticker: each slot's face placed by alignStage (the slot's eyes
// as the layout's targets), then the slot's perspective applied about the eye line.

import type { Platform, SlotFace, StickerPlan } from '../platform.ts';
import { eyeCenters, type FaceLandmarks } from '../face/landmarks.ts';
import type { Point } from '../geometry/point.ts';
import { affineOf, applyAffine, composeAffine, eyeLineWarp } from '../geometry/affine.ts';
import { applySimilarity } from '../geometry/similarity.ts';
import type { SlotReport } from '../protocol.ts';
import { LAYOUTS, type StickerLayout } from '../sticker-layout.ts';
import type { FaceSlot, Template } from '../templates/template.ts';
import { alignStage, type AlignOptions } from './align.ts';

const NO_MARKS = { kinds: [], strength: 0 };

/** Ink slots are cut close like the 熊猫头 style (the art is their surround); the others like a photo sticker. */
function slotLayout(slot: FaceSlot): StickerLayout {
  return { ...(slot.blend === 'ink' ? LAYOUTS.panda : LAYOUTS.photo), eyes: slot.eyes };
}

/**
 * Faces go into the slots in the order given (largest first); with fewer faces than slots the
 * first face fills the rest. Only the first slot carries the caption and the expression's marks;
 * the expression warp (options.shaped) belongs to the first face wherever it is used.
 */
export function alignTemplate<Img, Surface>(
  platform: Platform<Img, Surface>,
  faces: readonly FaceLandmarks[],
  caption: string,
  template: Template,
  options: AlignOptions = {},
): StickerPlan {
  const main = faces[0];
  if (main === undefined) throw new RangeError('a template needs at least one face');
  const plans = template.slots.map((slot, i) => {
    const face = faces[i] ?? main;
    const own: AlignOptions = {
      ...options,
      shaped: face === main ? (options.shaped ?? face) : face,
      marks: i === 0 ? (options.marks ?? NO_MARKS) : NO_MARKS,
      layout: slotLayout(slot),
    };
    const plan = alignStage(platform, face, i === 0 ? caption : '', own);
    const eyes = eyeCenters(face).map((p) => applySimilarity(plan.transform, p)) as [Point, Point];
    const warp = slot.perspective === undefined ? null : eyeLineWarp(eyes, slot.perspective.squash, slot.perspective.shear);
    const placed: SlotFace = {
      transform: warp === null ? affineOf(plan.transform) : composeAffine(warp, affineOf(plan.transform)),
      mask: warp === null ? plan.mask : plan.mask.map((p) => applyAffine(warp, p)),
      eyes,
      box: { x: slot.box.x * plan.size, y: slot.box.y * plan.size, w: slot.box.w * plan.size, h: slot.box.h * plan.size },
    };
    return { plan, placed };
  });
  const first = plans[0];
  if (first === undefined) throw new RangeError(`template ${template.id} has no slot`);
  return { ...first.plan, template: { id: template.id, faces: plans.map((p) => p.placed) } };
}

/** Per slot, where the eyes landed and the slot's box, in sticker pixels (for the result). */
export function slotReports(plan: StickerPlan): SlotReport[] {
  return (plan.template?.faces ?? []).map(({ eyes, box }) => ({ eyes, box }));
}

/** The align stage's plan: the template's when there is one, else the layout's (options.layout). */
export function planSticker<Img, Surface>(
  platform: Platform<Img, Surface>,
  faces: readonly FaceLandmarks[],
  caption: string,
  template: Template | undefined,
  options: AlignOptions,
): StickerPlan {
  if (template !== undefined) return alignTemplate(platform, faces, caption, template, options);
  const main = faces[0];
  if (main === undefined) throw new RangeError('a sticker needs a face');
  return alignStage(platform, main, caption, options);
}
