// Browser platform: what an opened mouth shows. The warp stretches the closed lip line; this paints
// the opening between the inner lips dark, with a hint of upper teeth and tongue, as colourful as
// the lips around it: a grey photo gets a grey mouth, not a red one.

import type { Point } from '../../../core/geometry/point.ts';
import type { MouthOpening } from '../../../core/warp/mouth-opening.ts';
import { smoothstep } from '../../../core/geometry/smoothstep.ts';
import { median } from '../../../core/geometry/quantile.ts';

function trace(ctx: OffscreenCanvasRenderingContext2D, loop: readonly Point[]): void {
  ctx.beginPath();
  loop.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  ctx.closePath();
}

/** Below this median chroma (max − min of R, G, B) around the mouth a photo reads as grey; above the second, as fully coloured. */
const GREY_CHROMA = 4;
const COLOUR_CHROMA = 28;

/** How colourful the photo is around the mouth: 0 grey … 1 in full colour (the median, so a few JPEG-tinted pixels do not count). */
function colourfulness(ctx: OffscreenCanvasRenderingContext2D, mouth: MouthOpening): number {
  const { top, bottom, left, right } = mouth.box;
  const margin = (bottom - top) * 0.5;
  const x = Math.max(0, Math.floor(left - margin));
  const y = Math.max(0, Math.floor(top - margin));
  const w = Math.min(ctx.canvas.width, Math.ceil(right + margin)) - x;
  const h = Math.min(ctx.canvas.height, Math.ceil(bottom + margin)) - y;
  if (w <= 0 || h <= 0) return 1;
  const data = ctx.getImageData(x, y, w, h).data;
  const chroma: number[] = [];
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i] ?? 0;
    const g = data[i + 1] ?? 0;
    const b = data[i + 2] ?? 0;
    chroma.push(Math.max(r, g, b) - Math.min(r, g, b));
  }
  return smoothstep(GREY_CHROMA, COLOUR_CHROMA, median(chroma));
}

export function paintMouth(image: ImageBitmap, mouth: MouthOpening): ImageBitmap {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  ctx.drawImage(image, 0, 0);
  const { top, bottom, left, right } = mouth.box;
  const height = bottom - top;
  const cx = (left + right) / 2;
  const colour = colourfulness(ctx, mouth);
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
  if (colour < 1) {
    // The painted inside keeps its lightness and takes the photo's lack of colour.
    ctx.globalCompositeOperation = 'saturation';
    ctx.shadowColor = 'transparent';
    ctx.fillStyle = `rgba(128, 128, 128, ${1 - colour})`;
    ctx.fillRect(left, top - height * 0.1, right - left, height * 1.1);
  }
  ctx.restore();
  image.close();
  return canvas.transferToImageBitmap();
}
