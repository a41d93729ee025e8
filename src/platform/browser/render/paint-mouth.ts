// Browser platform: what an opened mouth shows. The warp stretches the closed lip line; this paints
// the opening between the inner lips dark, with a hint of upper teeth and tongue.

import type { Point } from '../../../core/geometry/point.ts';
import type { MouthOpening } from '../../../core/warp/mouth-opening.ts';

function trace(ctx: OffscreenCanvasRenderingContext2D, loop: readonly Point[]): void {
  ctx.beginPath();
  loop.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  ctx.closePath();
}

export function paintMouth(image: ImageBitmap, mouth: MouthOpening): ImageBitmap {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  ctx.drawImage(image, 0, 0);
  const { top, bottom, left, right } = mouth.box;
  const height = bottom - top;
  const cx = (left + right) / 2;
  ctx.save();
  trace(ctx, mouth.loop);
  ctx.clip();
  const dark = ctx.createRadialGradient(cx, top + height * 0.6, 0, cx, top + height * 0.6, Math.max(right - left, height));
  dark.addColorStop(0, '#3b0d12');
  dark.addColorStop(1, '#1a0507');
  ctx.fillStyle = dark;
  ctx.fillRect(left, top, right - left, height);
  // Tongue low in the mouth, upper teeth just under the upper lip.
  ctx.fillStyle = 'rgba(196, 84, 98, 0.75)';
  ctx.beginPath();
  ctx.ellipse(cx, bottom, (right - left) * 0.32, height * 0.38, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#f1ece4';
  ctx.shadowColor = 'rgba(0, 0, 0, 0.35)';
  ctx.shadowBlur = height * 0.08;
  ctx.fillRect(left + (right - left) * 0.12, top - height * 0.1, (right - left) * 0.76, height * 0.3);
  ctx.restore();
  image.close();
  return canvas.transferToImageBitmap();
}
