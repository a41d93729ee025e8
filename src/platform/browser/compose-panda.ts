// Browser platform: the 熊猫头 style. The panda head is drawn as vector art; the aligned face is
// turned into black ink on white (core/image/two-tone.ts) inside a feathered face cut-out and set
// into the head's face slot; then the expression's marks and the caption.

import { toCanvasMatrix } from '../../core/geometry/similarity.ts';
import { twoTone } from '../../core/image/two-tone.ts';
import type { StickerPlan } from '../../core/platform.ts';
import { PANDA_HEAD } from '../../core/templates/panda-head.ts';
import { drawCaption, tracePath } from './compose-sticker.ts';
import { drawOverlays } from './draw-overlays.ts';

const INK = 18;

function drawHead(ctx: OffscreenCanvasRenderingContext2D, size: number): void {
  const { head, ears, outline } = PANDA_HEAD;
  ctx.save();
  ctx.fillStyle = '#111111';
  for (const ear of ears) {
    ctx.beginPath();
    ctx.arc(ear.cx * size, ear.cy * size, ear.r * size, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.beginPath();
  ctx.ellipse(head.cx * size, head.cy * size, head.rx * size, head.ry * size, 0, 0, 2 * Math.PI);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.lineWidth = outline * size;
  ctx.strokeStyle = '#111111';
  ctx.stroke();
  ctx.restore();
}

function context(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  return ctx;
}

/** The face as ink on white, its alpha the feathered cut-out. */
function inkFace(image: ImageBitmap, plan: StickerPlan): OffscreenCanvas {
  const size = plan.size;
  const face = new OffscreenCanvas(size, size);
  const fctx = context(face);
  fctx.setTransform(...toCanvasMatrix(plan.transform));
  fctx.imageSmoothingQuality = 'high';
  fctx.drawImage(image, 0, 0);
  fctx.setTransform(1, 0, 0, 1, 0, 0);
  const pixels = fctx.getImageData(0, 0, size, size);

  const cut = new OffscreenCanvas(size, size);
  const mctx = context(cut);
  mctx.filter = `blur(${Math.max(1, Math.round(size * 0.012))}px)`;
  tracePath(mctx, plan.mask);
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
  const ctx = context(canvas);
  drawHead(ctx, plan.size);
  ctx.drawImage(inkFace(image, plan), 0, 0);
  drawOverlays(ctx, plan.overlays);
  drawCaption(ctx, plan);
  return canvas;
}
