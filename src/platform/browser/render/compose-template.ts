// Browser platform: a template sticker. The template's art under the faces, each slot's face set
// in by its blend (photo cut-out with the die-cut edge, 熊猫头 ink, or tinted), the art over the
// faces, then the expression's marks and the caption, as for every sticker.

import type { Affine } from '../../../core/geometry/affine.ts';
import type { SlotFace, StickerPlan } from '../../../core/platform.ts';
import { templateById } from '../../../core/templates/index.ts';
import type { FaceSlot } from '../../../core/templates/template.ts';
import { context2d, inkFace } from './compose-panda.ts';
import { drawCaption, drawFace, drawOutline, type CanvasMatrix } from './compose-sticker.ts';
import { drawOverlays } from './draw-overlays.ts';
import { drawShapes } from './draw-template.ts';

function matrixOf(t: Affine): CanvasMatrix {
  return [t.a, t.b, t.c, t.d, t.e, t.f];
}

/** The colour face recoloured: the tint's hue and saturation, the face's own luminosity. */
function tintedFace(image: ImageBitmap, size: number, face: SlotFace, tint: string): OffscreenCanvas {
  const canvas = new OffscreenCanvas(size, size);
  const ctx = context2d(canvas);
  drawFace(ctx, image, matrixOf(face.transform), face.mask);
  const cut = new OffscreenCanvas(size, size);
  context2d(cut).drawImage(canvas, 0, 0);
  ctx.globalCompositeOperation = 'color';
  ctx.fillStyle = tint;
  ctx.fillRect(0, 0, size, size);
  // 'color' paints the transparent surround too; keep only the face.
  ctx.globalCompositeOperation = 'destination-in';
  ctx.drawImage(cut, 0, 0);
  return canvas;
}

function drawSlot(ctx: OffscreenCanvasRenderingContext2D, image: ImageBitmap, plan: StickerPlan, slot: FaceSlot, face: SlotFace): void {
  const matrix = matrixOf(face.transform);
  if (slot.blend === 'ink') {
    ctx.drawImage(inkFace(image, plan.size, matrix, face.mask), 0, 0);
    return;
  }
  drawOutline(ctx, face.mask, plan.outline);
  if (slot.blend === 'tint') ctx.drawImage(tintedFace(image, plan.size, face, slot.tint ?? '#ffffff'), 0, 0);
  else drawFace(ctx, image, matrix, face.mask);
}

export function composeTemplate(image: ImageBitmap, plan: StickerPlan): OffscreenCanvas {
  const placed = plan.template;
  const template = placed === undefined ? undefined : templateById(placed.id);
  if (placed === undefined || template === undefined) throw new Error(`no template ${placed?.id ?? ''}`);
  const canvas = new OffscreenCanvas(plan.size, plan.size);
  const ctx = context2d(canvas);
  drawShapes(ctx, template.under, plan.size);
  template.slots.forEach((slot, i) => {
    const face = placed.faces[i];
    if (face !== undefined) drawSlot(ctx, image, plan, slot, face);
  });
  drawShapes(ctx, template.over, plan.size);
  drawOverlays(ctx, plan.overlays);
  drawCaption(ctx, plan);
  return canvas;
}
