// Browser platform: draw a StickerPlan on an OffscreenCanvas: white die-cut outline, the aligned
// photo cut out (the segmented person, or the face clipped to its mask), the caption. Everything
// outside the outline stays transparent.

import type { Point } from '../../../core/geometry/point.ts';
import { composeSimilarity, invertSimilarity, toCanvasMatrix, type Similarity } from '../../../core/geometry/similarity.ts';
import type { StickerPlan } from '../../../core/platform.ts';
import type { Outline } from '../../../core/sticker-options.ts';
import { FEATHER_RADIUS, cutoutAlpha, dieCutAlpha } from '../../../core/face/person-cutout.ts';
import type { FloatMask } from '../../../core/image/float-mask.ts';
import { CAPTION_FONT_FAMILY, CAPTION_FONT_WEIGHT, CAPTION_STROKE } from '../../../core/sticker-layout.ts';
import { drawOverlays } from './draw-overlays.ts';
import { drawCaptionLine, measureCaptionLine } from './caption-line.ts';

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

/** Canvas matrix of a photo → sticker transform, as setTransform takes it. */
export type CanvasMatrix = [number, number, number, number, number, number];

function withShadow(ctx: OffscreenCanvasRenderingContext2D, outline: Outline): void {
  ctx.shadowColor = 'rgba(0, 0, 0, 0.28)';
  ctx.shadowBlur = outline.width;
}

export function drawOutline(ctx: OffscreenCanvasRenderingContext2D, mask: readonly Point[], outline: Outline): void {
  if (outline.width <= 0) return;
  ctx.save();
  tracePath(ctx, mask);
  withShadow(ctx, outline);
  ctx.fillStyle = outline.colour;
  ctx.strokeStyle = outline.colour;
  ctx.lineJoin = 'round';
  ctx.lineWidth = outline.width * 2;
  ctx.stroke();
  ctx.fill();
  ctx.restore();
}

/** The photo through `matrix`, clipped to the cut-out. */
export function drawFace(ctx: OffscreenCanvasRenderingContext2D, image: ImageBitmap, matrix: CanvasMatrix, mask: readonly Point[]): void {
  ctx.save();
  tracePath(ctx, mask);
  ctx.clip();
  ctx.setTransform(...matrix);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0);
  ctx.restore();
}

/** A canvas of one colour whose alpha is the mask's. */
function tinted(mask: FloatMask, colour: string): OffscreenCanvas {
  const canvas = new OffscreenCanvas(mask.width, mask.height);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  const pixels = ctx.createImageData(mask.width, mask.height);
  // One 32-bit write per pixel (RGBA bytes, little-endian as every browser platform is).
  const words = new Uint32Array(pixels.data.buffer);
  const rgb = (b << 16) | (g << 8) | r;
  const alpha = mask.data;
  for (let i = 0; i < alpha.length; i++) words[i] = ((((alpha[i] ?? 0) * 255 + 0.5) << 24) | rgb) >>> 0;
  ctx.putImageData(pixels, 0, 0);
  return canvas;
}

/**
 * The cutout's shape is worked out at this side at most and drawn enlarged, which its feathered
 * edge hides, while the photo inside is still drawn at full size. The segmenter sees 256 px, so a
 * photo filling the sticker has no finer silhouette to give. At 512 the cut was the larger part of
 * a new photo's compose (about 60 of 90 ms), and its edge moved by about a pixel (on the fixtures,
 * 0.3 % of the sticker's coverage).
 */
const SHAPE_SIDE = 256;

/**
 * The last cut worked out per person mask: the HD file composes the same plan at twice the size,
 * whose shape (capped at SHAPE_SIDE) is the very same, and so does the next sticker of the photo
 * with the same expression; its cutout, die-cut and their canvases are not made again.
 */
const cuts = new WeakMap<FloatMask, { key: string; cut: PersonCut }>();

interface PersonCut {
  /** The cutout's alpha on a black canvas. */
  alpha: OffscreenCanvas;
  /** The die-cut edge `width` pixels wide, in `colour`. */
  edge(width: number, colour: string): OffscreenCanvas;
}

/** The person in `mask` cut out on a size×size sticker where `transform` and `oval` put it. */
function personCut(mask: FloatMask, transform: Similarity, size: number, oval: readonly Point[], feather: number): PersonCut {
  const key = JSON.stringify([transform, size, oval, feather]);
  const known = cuts.get(mask);
  if (known?.key === key) return known.cut;
  const alpha = cutoutAlpha(mask, transform, size, oval, feather);
  const edges = new Map<string, OffscreenCanvas>();
  const cut: PersonCut = {
    alpha: tinted(alpha, '#000000'),
    edge: (width, colour) => {
      const edge = edges.get(`${width} ${colour}`) ?? tinted(dieCutAlpha(alpha, width), colour);
      edges.set(`${width} ${colour}`, edge);
      return edge;
    },
  };
  cuts.set(mask, { key, cut });
  return cut;
}

/**
 * The segmented person with its die-cut edge (the cutout dilated by the outline width) and shadow.
 * An animation frame draws the still's cut, moved from the still's transform to its own.
 */
function drawPerson(ctx: OffscreenCanvasRenderingContext2D, image: ImageBitmap, plan: StickerPlan): void {
  const { person } = plan;
  if (person === null) return;
  const at = person.cutAt ?? { transform: plan.transform, oval: person.oval };
  // The cut is worked out at SHAPE_SIDE at most, and drawn scaled up to the sticker.
  const k = Math.min(1, SHAPE_SIDE / plan.size);
  const { a, b, tx, ty } = at.transform;
  const { alpha, edge } = personCut(
    person.mask,
    { a: a * k, b: b * k, tx: tx * k, ty: ty * k },
    Math.round(plan.size * k),
    at.oval.map((p) => ({ x: p.x * k, y: p.y * k })),
    Math.max(1, Math.round(FEATHER_RADIUS * k)),
  );
  // The cut's sticker → this sticker: none for the still.
  const move = toCanvasMatrix(composeSimilarity(plan.transform, invertSimilarity(at.transform)));
  if (plan.outline.width > 0) {
    ctx.save();
    withShadow(ctx, plan.outline);
    ctx.imageSmoothingQuality = 'high';
    ctx.setTransform(...move);
    ctx.drawImage(edge(plan.outline.width * k, plan.outline.colour), 0, 0, plan.size, plan.size);
    ctx.restore();
  }
  const cut = new OffscreenCanvas(plan.size, plan.size);
  const cctx = cut.getContext('2d');
  if (cctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  cctx.imageSmoothingQuality = 'high';
  cctx.setTransform(...move);
  cctx.drawImage(alpha, 0, 0, plan.size, plan.size);
  // Keeps the photo only where the cutout is, at the cutout's alpha.
  cctx.globalCompositeOperation = 'source-in';
  cctx.setTransform(...toCanvasMatrix(plan.transform));
  cctx.drawImage(image, 0, 0);
  ctx.drawImage(cut, 0, 0);
}

export function drawCaption(ctx: OffscreenCanvasRenderingContext2D, plan: StickerPlan): void {
  const { caption } = plan;
  if (caption.lines.length === 0) return;
  ctx.save();
  ctx.font = captionFont(caption.fontSize);
  ctx.textBaseline = 'alphabetic';
  ctx.imageSmoothingQuality = 'high';
  ctx.lineJoin = 'round';
  ctx.lineWidth = Math.max(4, caption.fontSize * CAPTION_STROKE);
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#141414';
  caption.lines.forEach((line, i) => drawCaptionLine(ctx, line, caption.centerX, caption.baselineY[i] ?? 0, caption.fontSize));
  ctx.restore();
}

export function composeSticker(image: ImageBitmap, plan: StickerPlan): OffscreenCanvas {
  const canvas = new OffscreenCanvas(plan.size, plan.size);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  if (plan.person === null) {
    drawOutline(ctx, plan.mask, plan.outline);
    drawFace(ctx, image, toCanvasMatrix(plan.transform), plan.mask);
  } else {
    drawPerson(ctx, image, plan);
  }
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
  return measureCaptionLine(measureCtx, text, fontSize);
}
