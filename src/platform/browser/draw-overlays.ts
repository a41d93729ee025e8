// Browser platform: the little drawn extras of animated stickers (tears, hearts, sweat, sparkles),
// as vector shapes so they do not depend on an emoji font.

import type { Overlay } from '../../core/animation/motion-frames.ts';

function drop(ctx: OffscreenCanvasRenderingContext2D, o: Overlay, light: string, dark: string): void {
  const r = o.size / 2;
  ctx.beginPath();
  ctx.moveTo(o.x, o.y - r * 2);
  ctx.bezierCurveTo(o.x + r * 0.4, o.y - r, o.x + r, o.y - r * 0.2, o.x + r, o.y + r * 0.2);
  ctx.arc(o.x, o.y + r * 0.2, r, 0, Math.PI);
  ctx.bezierCurveTo(o.x - r, o.y - r * 0.2, o.x - r * 0.4, o.y - r, o.x, o.y - r * 2);
  const fill = ctx.createLinearGradient(o.x, o.y - r * 2, o.x, o.y + r);
  fill.addColorStop(0, light);
  fill.addColorStop(1, dark);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.lineWidth = Math.max(1, o.size * 0.08);
  ctx.stroke();
}

function heart(ctx: OffscreenCanvasRenderingContext2D, o: Overlay): void {
  const s = o.size / 2;
  ctx.beginPath();
  ctx.moveTo(o.x, o.y + s);
  ctx.bezierCurveTo(o.x - s * 1.6, o.y - s * 0.2, o.x - s * 0.6, o.y - s * 1.4, o.x, o.y - s * 0.5);
  ctx.bezierCurveTo(o.x + s * 0.6, o.y - s * 1.4, o.x + s * 1.6, o.y - s * 0.2, o.x, o.y + s);
  ctx.fillStyle = '#ff4d6d';
  ctx.fill();
}

function sparkle(ctx: OffscreenCanvasRenderingContext2D, o: Overlay): void {
  const s = o.size / 2;
  ctx.beginPath();
  for (let i = 0; i < 8; i++) {
    const r = i % 2 === 0 ? s : s * 0.25;
    const a = (i * Math.PI) / 4 - Math.PI / 2;
    ctx.lineTo(o.x + r * Math.cos(a), o.y + r * Math.sin(a));
  }
  ctx.closePath();
  ctx.fillStyle = '#ffd43b';
  ctx.fill();
}

export function drawOverlays(ctx: OffscreenCanvasRenderingContext2D, overlays: readonly Overlay[]): void {
  for (const o of overlays) {
    if (o.alpha <= 0.01) continue;
    ctx.save();
    ctx.globalAlpha = Math.min(1, o.alpha);
    if (o.kind === 'tear') drop(ctx, o, '#bfe6ff', '#3d9be9');
    else if (o.kind === 'sweat') drop(ctx, o, '#e6f6ff', '#7cc7ff');
    else if (o.kind === 'heart') heart(ctx, o);
    else sparkle(ctx, o);
    ctx.restore();
  }
}
