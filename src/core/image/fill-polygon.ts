import type { Point } from '../geometry/point.ts';

/** 1 for every pixel whose centre lies inside the polygon (even-odd rule), by scanlines. */
export function fillPolygon(points: readonly Point[], width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const n = points.length;
  for (let y = 0; y < height; y++) {
    const cy = y + 0.5;
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = points[i] as Point;
      const b = points[(i + 1) % n] as Point;
      if (a.y <= cy !== b.y <= cy) xs.push(a.x + ((cy - a.y) / (b.y - a.y)) * (b.x - a.x));
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil((xs[k] ?? 0) - 0.5));
      const to = Math.min(width - 1, Math.floor((xs[k + 1] ?? 0) - 0.5));
      for (let x = from; x <= to; x++) out[y * width + x] = 1;
    }
  }
  return out;
}
