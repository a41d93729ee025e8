// Browser platform: draw a StickerPlan on an OffscreenCanvas: white die-cut outline, the aligned
// face clipped to its mask, the caption. Everything outside the outline stays transparent.

import type { Point } from '../../core/geometry/point.ts';
import { toCanvasMatrix } from '../../core/geometry/similarity.ts';
import type { StickerPlan } from '../../core/platform.ts';
import { CAPTION_FONT_FAMILY, CAPTION_FONT_WEIGHT, CAPTION_STROKE } from '../../core/sticker-layout.ts';
import { drawOverlays } from './draw-overlays.ts';

export function captionFont(fontSize: number): string {
  return `${CAPTION_FONT_WEIGHT} ${fontSize}px ${CAPTION_FONT_FAMILY}`;
}

/** A closed smooth curve through the midpoints of the outline, so the cut has no corners. */
export function tracePath(ctx: OffscreenCanvasRenderingContext2D, points: readonly Point[]): void {
  const n = points.length;
  const mid = (i: number): Point => {
    const a = points[i % n] as Point;
    const b = points[(i + 1) % n] as Point;
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  };
  ctx.beginPath();
  const start = mid(n - 1);
  ctx.moveTo(start.x, start.y);
  for (let i = 0; i < n; i++) {
    const p = points[i] as Point;
    const m = mid(i);
    ctx.quadraticCurveTo(p.x, p.y, m.x, m.y);
  }
  ctx.closePath();
}

function drawOutline(ctx: OffscreenCanvasRenderingContext2D, plan: StickerPlan): void {
  if (plan.outline.width <= 0) return;
  ctx.save();
  tracePath(ctx, plan.mask);
  ctx.shadowColor = 'rgba(0, 0, 0, 0.28)';
  ctx.shadowBlur = plan.outline.width;
  ctx.fillStyle = plan.outline.colour;
  ctx.strokeStyle = plan.outline.colour;
  ctx.lineJoin = 'round';
  ctx.lineWidth = plan.outline.width * 2;
  ctx.stroke();
  ctx.fill();
  ctx.restore();
}

function drawFace(ctx: OffscreenCanvasRenderingContext2D, image: ImageBitmap, plan: StickerPlan): void {
  ctx.save();
  tracePath(ctx, plan.mask);
  ctx.clip();
  ctx.setTransform(...toCanvasMatrix(plan.transform));
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0);
  ctx.restore();
}

export function drawCaption(ctx: OffscreenCanvasRenderingContext2D, plan: StickerPlan): void {
  const { caption } = plan;
  if (caption.lines.length === 0) return;
  ctx.save();
  ctx.font = captionFont(caption.fontSize);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  ctx.lineWidth = Math.max(4, caption.fontSize * CAPTION_STROKE);
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#141414';
  caption.lines.forEach((line, i) => {
    const y = caption.baselineY[i] ?? 0;
    ctx.strokeText(line, caption.centerX, y);
    ctx.fillText(line, caption.centerX, y);
  });
  ctx.restore();
}

export function composeSticker(image: ImageBitmap, plan: StickerPlan): OffscreenCanvas {
  const canvas = new OffscreenCanvas(plan.size, plan.size);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  drawOutline(ctx, plan);
  drawFace(ctx, image, plan);
  drawOverlays(ctx, plan.overlays);
  drawCaption(ctx, plan);
  return canvas;
}

/** The sticker scaled to size×size on a fresh canvas (the GIF and WebP frame sizes). */
export function scaled(canvas: OffscreenCanvas, size: number): OffscreenCanvas {
  if (canvas.width === size && canvas.height === size) return canvas;
  const out = new OffscreenCanvas(size, size);
  const ctx = out.getContext('2d');
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(canvas, 0, 0, size, size);
  return out;
}

let measureCtx: OffscreenCanvasRenderingContext2D | null = null;

export function measureCaption(text: string, fontSize: number): number {
  measureCtx ??= new OffscreenCanvas(1, 1).getContext('2d');
  if (measureCtx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  measureCtx.font = captionFont(fontSize);
  return measureCtx.measureText(text).width;
}
