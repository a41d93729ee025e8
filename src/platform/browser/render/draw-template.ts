// Browser platform: the one renderer of template art (core/templates): vector shapes given in
// fractions of the side, drawn at any size.

import { CAPTION_FONT_FAMILY, CAPTION_FONT_WEIGHT } from '../../../core/sticker-layout.ts';
import type { Shape } from '../../../core/templates/template.ts';

function trace(ctx: OffscreenCanvasRenderingContext2D, shape: Exclude<Shape, { kind: 'text' }>, size: number): void {
  ctx.beginPath();
  switch (shape.kind) {
    case 'ellipse':
      ctx.ellipse(shape.cx * size, shape.cy * size, shape.rx * size, shape.ry * size, shape.rotate ?? 0, 0, 2 * Math.PI);
      break;
    case 'rect':
      ctx.roundRect(shape.x * size, shape.y * size, shape.w * size, shape.h * size, (shape.radius ?? 0) * size);
      break;
    case 'polygon':
    case 'line':
      shape.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * size, y * size) : ctx.lineTo(x * size, y * size)));
      if (shape.kind === 'polygon') ctx.closePath();
      break;
  }
}

function drawText(ctx: OffscreenCanvasRenderingContext2D, shape: Extract<Shape, { kind: 'text' }>, size: number): void {
  ctx.translate(shape.x * size, shape.y * size);
  ctx.rotate(shape.rotate ?? 0);
  ctx.font = `${CAPTION_FONT_WEIGHT} ${Math.round(shape.size * size)}px ${CAPTION_FONT_FAMILY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  if (shape.stroke !== undefined) ctx.strokeText(shape.text, 0, 0);
  if (shape.fill !== undefined) ctx.fillText(shape.text, 0, 0);
}

export function drawShapes(ctx: OffscreenCanvasRenderingContext2D, shapes: readonly Shape[], size: number): void {
  for (const shape of shapes) {
    ctx.save();
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.lineWidth = (shape.width ?? 0) * size;
    if (shape.fill !== undefined) ctx.fillStyle = shape.fill;
    if (shape.stroke !== undefined) ctx.strokeStyle = shape.stroke;
    if (shape.kind === 'text') drawText(ctx, shape, size);
    else {
      trace(ctx, shape, size);
      if (shape.fill !== undefined && shape.kind !== 'line') ctx.fill();
      if (shape.stroke !== undefined && ctx.lineWidth > 0) ctx.stroke();
    }
    ctx.restore();
  }
}
