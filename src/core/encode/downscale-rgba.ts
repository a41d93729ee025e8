// RGBA pixels shrunk by area averaging, weighted by alpha so transparent pixels lend no colour to
// the edge: what a size-capped export falls back to when fewer colours and frames were not enough.

export function downscaleRgba(rgba: Uint8ClampedArray, from: number, to: number): Uint8ClampedArray {
  if (to >= from) return rgba;
  const out = new Uint8ClampedArray(to * to * 4);
  const step = from / to;
  for (let y = 0; y < to; y++) {
    for (let x = 0; x < to; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let n = 0;
      for (let sy = Math.floor(y * step); sy < Math.min(from, Math.ceil((y + 1) * step)); sy++) {
        for (let sx = Math.floor(x * step); sx < Math.min(from, Math.ceil((x + 1) * step)); sx++) {
          const i = (sy * from + sx) * 4;
          const alpha = rgba[i + 3] ?? 0;
          r += (rgba[i] ?? 0) * alpha;
          g += (rgba[i + 1] ?? 0) * alpha;
          b += (rgba[i + 2] ?? 0) * alpha;
          a += alpha;
          n++;
        }
      }
      const o = (y * to + x) * 4;
      if (a > 0) {
        out[o] = r / a;
        out[o + 1] = g / a;
        out[o + 2] = b / a;
      }
      out[o + 3] = a / Math.max(1, n);
    }
  }
  return out;
}
