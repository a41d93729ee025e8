// Browser platform: the 熊猫头 style. The panda head is drawn as vector art (templates/panda.ts);
// the aligned face is turned into black ink on white (core/image/two-tone.ts) inside a feathered
// face cut-out and set into the head's face slot; then the expression's marks and the caption.

import { toCanvasMatrix } from '../../../core/geometry/similarity.ts';
import type { Point } from '../../../core/geometry/point.ts';
import { twoTone } from '../../../core/image/two-tone.ts';
import type { StickerPlan } from '../../../core/platform.ts';
import { PANDA_HEAD } from '../../../core/templates/panda-head.ts';
import { pandaHead } from '../../../core/templates/panda.ts';
import { drawCaption, tracePath, type CanvasMatrix } from './compose-sticker.ts';
import { drawOverlays } from './draw-overlays.ts';
import { drawShapes } from './draw-template.ts';

const INK = 18;

export function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  return ctx;
}

/** The face (photo through `matrix`) as ink on white, its alpha the feathered cut-out `mask`. */
export function inkFace(image: ImageBitmap, size: number, matrix: CanvasMatrix, mask: readonly Point[]): OffscreenCanvas {
  const face = new OffscreenCanvas(size, size);
  const fctx = context2d(face);
  fctx.setTransform(...matrix);
  fctx.imageSmoothingQuality = 'high';
  fctx.drawImage(image, 0, 0);
  fctx.setTransform(1, 0, 0, 1, 0, 0);
  const pixels = fctx.getImageData(0, 0, size, size);

  const cut = new OffscreenCanvas(size, size);
  const mctx = context2d(cut);
  mctx.filter = `blur(${Math.max(1, Math.round(size * 0.012))}px)`;
  tracePath(mctx, mask);
  mctx.fillStyle = '#ffffff';
  mctx.fill();
  const alpha = mctx.getImageData(0, 0, size, size).data;

  const n = size * size;
  const lum = new Float32Array(n);
  const inside = new Uint8Array(n);
  const px = pixels.data;
  for (let i = 0; i < n; i++) {
    lum[i] = 0.299 * (px[4 * i] ?? 0) + 0.587 * (px[4 * i + 1] ?? 0) + 0.114 * (px[4 * i + 2] ?? 0);
    inside[i] = (alpha[4 * i + 3] ?? 0) > 127 ? 1 : 0;
  }
  const ink = twoTone(lum, size, size, inside, Math.round(PANDA_HEAD.inkRadius * size));
  for (let i = 0; i < n; i++) {
    const v = ink[i] ? INK : 255;
    px[4 * i] = v;
    px[4 * i + 1] = v;
    px[4 * i + 2] = v;
    px[4 * i + 3] = alpha[4 * i + 3] ?? 0;
  }
  fctx.putImageData(pixels, 0, 0);
  return face;
}

export function composePanda(image: ImageBitmap, plan: StickerPlan): OffscreenCanvas {
  const canvas = new OffscreenCanvas(plan.size, plan.size);
  const ctx = context2d(canvas);
  drawShapes(ctx, pandaHead(), plan.size);
  ctx.drawImage(inkFace(image, plan.size, toCanvasMatrix(plan.transform), plan.mask), 0, 0);
  drawOverlays(ctx, plan.overlays);
  drawCaption(ctx, plan);
  return canvas;
}
