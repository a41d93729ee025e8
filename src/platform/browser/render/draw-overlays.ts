// Browser platform: the drawn extras of stickers (tears, hearts, sweat, sparkles, blush, anger
// vein, ?, !, Zzz, dizzy spirals, "...", gloom lines), as vector shapes and Latin glyphs so they do
// not depend on an emoji font.

import type { Overlay } from '../../../core/animation/motion-frames.ts';

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

function blush(ctx: OffscreenCanvasRenderingContext2D, o: Overlay): void {
  const glow = ctx.createRadialGradient(o.x, o.y, 0, o.x, o.y, o.size / 2);
  glow.addColorStop(0, 'rgba(255, 92, 128, 0.55)');
  glow.addColorStop(1, 'rgba(255, 92, 128, 0)');
  ctx.fillStyle = glow;
  ctx.beginPath();
  ctx.ellipse(o.x, o.y, o.size / 2, o.size / 4, 0, 0, 2 * Math.PI);
  ctx.fill();
}

/** Strokes twice, wide white then the colour, so the mark reads on any photo. */
function outlined(ctx: OffscreenCanvasRenderingContext2D, width: number, colour: string, path: () => void): void {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const [w, c] of [
    [width * 2.2, '#ffffff'],
    [width, colour],
  ] as const) {
    ctx.beginPath();
    path();
    ctx.lineWidth = w;
    ctx.strokeStyle = c;
    ctx.stroke();
  }
}

/** The cross-popping vein: four bulging brackets around a gap. */
function anger(ctx: OffscreenCanvasRenderingContext2D, o: Overlay): void {
  const s = o.size / 2;
  const g = s * 0.22;
  outlined(ctx, s * 0.2, '#e03131', () => {
    for (let k = 0; k < 4; k++) {
      const [cx, cy] = [Math.cos((k * Math.PI) / 2), Math.sin((k * Math.PI) / 2)];
      const at = (u: number, v: number) => [o.x + u * cx - v * cy, o.y + u * cy + v * cx] as const;
      ctx.moveTo(...at(g, s));
      ctx.quadraticCurveTo(...at(g * 1.2, g * 1.2), ...at(s, g));
    }
  });
}

function glyph(ctx: OffscreenCanvasRenderingContext2D, o: Overlay, text: string, colour: string): void {
  ctx.font = `900 ${Math.round(o.size)}px "Noto Sans", "Helvetica Neue", Arial, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = o.size * 0.16;
  ctx.strokeStyle = '#ffffff';
  ctx.strokeText(text, o.x, o.y);
  ctx.fillStyle = colour;
  ctx.fillText(text, o.x, o.y);
}

function zzz(ctx: OffscreenCanvasRenderingContext2D, o: Overlay): void {
  [0.55, 0.8, 1].forEach((scale, i) => {
    glyph(ctx, { ...o, x: o.x - o.size * (0.7 - 0.45 * i), y: o.y + o.size * (0.6 - 0.45 * i), size: o.size * scale }, 'Z', '#4c6ef5');
  });
}

/** An Archimedean spiral over the eye, on a pale disc: the dizzy eye. */
function spiral(ctx: OffscreenCanvasRenderingContext2D, o: Overlay): void {
  const r = o.size / 2;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.beginPath();
  ctx.arc(o.x, o.y, r, 0, 2 * Math.PI);
  ctx.fill();
  ctx.beginPath();
  const turns = 3;
  for (let i = 0; i <= 96; i++) {
    const a = (i / 96) * turns * 2 * Math.PI;
    const rr = (r * 0.9 * i) / 96;
    ctx.lineTo(o.x + rr * Math.cos(a), o.y + rr * Math.sin(a));
  }
  ctx.lineWidth = Math.max(1.5, r * 0.12);
  ctx.strokeStyle = '#343a40';
  ctx.stroke();
}

function dots(ctx: OffscreenCanvasRenderingContext2D, o: Overlay): void {
  for (let i = -1; i <= 1; i++) {
    ctx.beginPath();
    ctx.arc(o.x + i * o.size * 0.35, o.y + o.size * 0.2, o.size * 0.11, 0, 2 * Math.PI);
    ctx.lineWidth = o.size * 0.08;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.fillStyle = '#212529';
    ctx.fill();
  }
}

/** Vertical lines over the forehead, fading downwards: the gloom of manga faces. */
function gloom(ctx: OffscreenCanvasRenderingContext2D, o: Overlay): void {
  const top = o.y - o.size * 0.3;
  const shade = ctx.createLinearGradient(0, top, 0, top + o.size * 0.5);
  shade.addColorStop(0, 'rgba(76, 58, 140, 0.9)');
  shade.addColorStop(1, 'rgba(76, 58, 140, 0)');
  ctx.strokeStyle = shade;
  ctx.lineWidth = Math.max(2, o.size * 0.035);
  ctx.beginPath();
  for (let i = 0; i < 7; i++) {
    const x = o.x + (i / 6 - 0.5) * o.size * 0.8;
    ctx.moveTo(x, top + (i % 2) * o.size * 0.05);
    ctx.lineTo(x, top + o.size * 0.5);
  }
  ctx.stroke();
}

export function drawOverlays(ctx: OffscreenCanvasRenderingContext2D, overlays: readonly Overlay[]): void {
  for (const o of overlays) {
    if (o.alpha <= 0.01) continue;
    ctx.save();
    ctx.globalAlpha = Math.min(1, o.alpha);
    switch (o.kind) {
      case 'tear':
        drop(ctx, o, '#bfe6ff', '#3d9be9');
        break;
      case 'sweat':
        drop(ctx, o, '#e6f6ff', '#7cc7ff');
        break;
      case 'heart':
        heart(ctx, o);
        break;
      case 'sparkle':
        sparkle(ctx, o);
        break;
      case 'blush':
        blush(ctx, o);
        break;
      case 'anger':
        anger(ctx, o);
        break;
      case 'question':
        glyph(ctx, o, '?', '#1c7ed6');
        break;
      case 'exclaim':
        glyph(ctx, o, '!', '#f03e3e');
        break;
      case 'zzz':
        zzz(ctx, o);
        break;
      case 'spiral':
        spiral(ctx, o);
        break;
      case 'dots':
        dots(ctx, o);
        break;
      case 'gloom':
        gloom(ctx, o);
        break;
    }
    ctx.restore();
  }
}
