// Browser platform: the same mesh warp on the CPU with Canvas 2D (one clipped affine draw per
// triangle), for devices without WebGL2.

import type { WarpMesh } from '../../../core/warp/warp-mesh.ts';
import type { Warper } from './warp-webgl2.ts';

/** The affine map taking source triangle (s0, s1, s2) onto target triangle (t0, t1, t2). */
function affine(s: number[], t: number[]): [number, number, number, number, number, number] | null {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0, x2 = 0, y2 = 0] = s;
  const [u0 = 0, v0 = 0, u1 = 0, v1 = 0, u2 = 0, v2 = 0] = t;
  const det = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (det === 0) return null;
  const a = ((u1 - u0) * (y2 - y0) - (u2 - u0) * (y1 - y0)) / det;
  const c = ((u2 - u0) * (x1 - x0) - (u1 - u0) * (x2 - x0)) / det;
  const b = ((v1 - v0) * (y2 - y0) - (v2 - v0) * (y1 - y0)) / det;
  const d = ((v2 - v0) * (x1 - x0) - (v1 - v0) * (x2 - x0)) / det;
  return [a, b, c, d, u0 - a * x0 - c * y0, v0 - b * x0 - d * y0];
}

export function createCanvas2dWarper(): Warper {
  return {
    warp(image, mesh: WarpMesh) {
      const canvas = new OffscreenCanvas(mesh.width, mesh.height);
      const ctx = canvas.getContext('2d');
      if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
      ctx.drawImage(image, 0, 0);
      const { source, target, triangles } = mesh;
      for (let i = 0; i < triangles.length; i += 3) {
        const ids = [triangles[i] ?? 0, triangles[i + 1] ?? 0, triangles[i + 2] ?? 0];
        const s = ids.flatMap((v) => [source[2 * v] ?? 0, source[2 * v + 1] ?? 0]);
        const t = ids.flatMap((v) => [target[2 * v] ?? 0, target[2 * v + 1] ?? 0]);
        const m = affine(s, t);
        if (m === null) continue;
        ctx.save();
        ctx.beginPath();
        ctx.moveTo(t[0] ?? 0, t[1] ?? 0);
        ctx.lineTo(t[2] ?? 0, t[3] ?? 0);
        ctx.lineTo(t[4] ?? 0, t[5] ?? 0);
        ctx.closePath();
        ctx.clip();
        ctx.setTransform(...m);
        ctx.drawImage(image, 0, 0);
        ctx.restore();
      }
      return canvas.transferToImageBitmap();
    },
  };
}
