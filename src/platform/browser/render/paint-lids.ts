// Browser platform: what a closed eye shows. The warp squeezes the eye into a slit where iris and
// lashes still show; this paints the lid over it with the lid skin above it, feathered into the
// warped lids around it, and a lash line bowed like a shut eye's.

import type { Point } from '../../../core/geometry/point.ts';
import { smoothstep } from '../../../core/geometry/smoothstep.ts';
import { median } from '../../../core/geometry/quantile.ts';
import { MIN_CLOSURE, type ClosedEye } from '../../../core/warp/closed-eyes.ts';

type Rgb = [number, number, number];

/** How far the painted lid reaches above and below where the lids meet, in eye openings. */
const LID_ABOVE = 1.1;
const LID_BELOW = 0.3;
/** How far the lash line bows down in the middle, in eye openings: a shut eye's arc. */
const LASH_BOW = 0.25;

/** Closures past this are painted fully; from MIN_CLOSURE up the lid fades in (the animation eases into the expression). */
const FULL_CLOSURE = 0.85;

/**
 * The lid's skin colour: the median of the warped lids above and below the meeting line, so a
 * glasses rim, a lash or a shadow across a few samples does not colour the lid.
 */
function skinColour(ctx: OffscreenCanvasRenderingContext2D, eye: ClosedEye, down: Point): Rgb {
  const samples: Rgb[] = [];
  for (const p of eye.line.slice(1, -1)) {
    for (const along of [-0.9, -0.7, 0.6, 0.8]) {
      const x = Math.round(p.x + down.x * along * eye.opening);
      const y = Math.round(p.y + down.y * along * eye.opening);
      if (x < 0 || y < 0 || x >= ctx.canvas.width || y >= ctx.canvas.height) continue;
      const [r = 0, g = 0, b = 0] = ctx.getImageData(x, y, 1, 1).data;
      samples.push([r, g, b]);
    }
  }
  return [0, 1, 2].map((c) => median(samples.map((s) => s[c] ?? 0))) as Rgb;
}

/** A smooth curve through the points (quadratics through their midpoints), ends included. */
function traceCurve(ctx: OffscreenCanvasRenderingContext2D, points: readonly Point[]): void {
  ctx.beginPath();
  const first = points[0];
  if (first === undefined) return;
  ctx.moveTo(first.x, first.y);
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i] as Point;
    const next = points[i + 1] as Point;
    ctx.quadraticCurveTo(p.x, p.y, (p.x + next.x) / 2, (p.y + next.y) / 2);
  }
  const last = points[points.length - 1] as Point;
  ctx.lineTo(last.x, last.y);
}

/** 0 at the eye's corners, 1 across its middle: how much lid there is over each meeting point. */
function lidDepth(i: number, count: number): number {
  return Math.sin((Math.PI * i) / (count - 1)) ** 0.4;
}

function paintLid(ctx: OffscreenCanvasRenderingContext2D, eye: ClosedEye): void {
  const outer = eye.line[0] as Point;
  const inner = eye.line[eye.line.length - 1] as Point;
  const width = Math.hypot(inner.x - outer.x, inner.y - outer.y);
  if (width === 0) return;
  const angle = Math.atan2(inner.y - outer.y, inner.x - outer.x);
  // Down the face, whichever way round the corners come (the right eye's run one way, the left's the other).
  const down = { x: -Math.sin(angle), y: Math.cos(angle) };
  if (down.y < 0) Object.assign(down, { x: -down.x, y: -down.y });
  const alpha = smoothstep(MIN_CLOSURE, FULL_CLOSURE, eye.closure);
  const [r, g, b] = skinColour(ctx, eye, down);
  const n = eye.line.length;
  const shifted = (p: Point, i: number, by: number) => ({ x: p.x + down.x * by * lidDepth(i, n), y: p.y + down.y * by * lidDepth(i, n) });
  // The lid: from a little under the meeting line up over the lashes and iris the warp squeezed
  // there, in the skin of the lid above it moved down (its wrinkles and grain, evened a little
  // towards the lid's colour), its edges blurred into the lids around it.
  const top = eye.line.map((p, i) => shifted(p, i, -LID_ABOVE * eye.opening));
  const bottom = eye.line.map((p, i) => shifted(p, i, LID_BELOW * eye.opening)).reverse();
  const outline = [...top, ...bottom];
  const blur = Math.max(1, 0.4 * eye.opening);
  const left = Math.floor(Math.min(...outline.map((p) => p.x)) - 2 * blur);
  const upper = Math.floor(Math.min(...outline.map((p) => p.y)) - 2 * blur);
  const patch = new OffscreenCanvas(
    Math.ceil(Math.max(...outline.map((p) => p.x)) + 2 * blur) - left,
    Math.ceil(Math.max(...outline.map((p) => p.y)) + 2 * blur) - upper,
  );
  const pctx = patch.getContext('2d');
  if (pctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  const from = (LID_ABOVE + 0.1) * eye.opening;
  pctx.drawImage(ctx.canvas, -left + down.x * from, -upper + down.y * from);
  pctx.globalCompositeOperation = 'source-atop';
  pctx.fillStyle = `rgba(${r}, ${g}, ${b}, 0.35)`;
  pctx.fillRect(0, 0, patch.width, patch.height);
  // Kept where the lid is, at its blurred alpha: a shadow cast from off the canvas, which every
  // engine blurs (ctx.filter is missing in some).
  const away = patch.width + patch.height;
  pctx.globalCompositeOperation = 'destination-in';
  pctx.shadowColor = `rgba(0, 0, 0, ${alpha})`;
  pctx.shadowBlur = blur;
  pctx.shadowOffsetX = away;
  pctx.translate(-left - away, -upper);
  pctx.beginPath();
  outline.forEach((p, i) => (i === 0 ? pctx.moveTo(p.x, p.y) : pctx.lineTo(p.x, p.y)));
  pctx.closePath();
  pctx.fill();
  ctx.drawImage(patch, left, upper);
  // The lashes: a dark line of the skin's own hue along where the lids meet, bowed down and thicker
  // in the middle. Drawn thinner, paler and straight, the landmarker read Grace Hopper's eyes
  // behind her glasses as closed by 0.23 (eyeBlink); now 0.29.
  ctx.save();
  ctx.strokeStyle = `rgba(${Math.round(r * 0.12)}, ${Math.round(g * 0.1)}, ${Math.round(b * 0.09)}, ${alpha})`;
  ctx.lineCap = 'round';
  ctx.lineWidth = Math.max(1, width * 0.09);
  const lashes = eye.line.map((p, i) => shifted(p, i, LASH_BOW * eye.opening));
  traceCurve(ctx, lashes);
  ctx.stroke();
  ctx.lineWidth = Math.max(1, width * 0.14);
  traceCurve(ctx, lashes.slice(2, -2));
  ctx.stroke();
  ctx.restore();
}

export function paintLids(image: ImageBitmap, eyes: readonly ClosedEye[]): ImageBitmap {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  ctx.drawImage(image, 0, 0);
  for (const eye of eyes) paintLid(ctx, eye);
  image.close();
  return canvas.transferToImageBitmap();
}
