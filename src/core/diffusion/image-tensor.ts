// Between the canvas's RGBA bytes and the VAE's planar float tensors in [-1, 1].

/** RGBA (size×size) → [3, size, size] floats in [-1, 1]; alpha is ignored (the crop is opaque). */
export function rgbaToPlanar(rgba: Uint8ClampedArray, size: number): Float32Array {
  const plane = size * size;
  const out = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) out[c * plane + i] = (rgba[i * 4 + c] ?? 0) / 127.5 - 1;
  }
  return out;
}

/** [3, size, size] floats in [-1, 1] → opaque RGBA bytes. */
export function planarToRgba(planar: Float32Array, size: number): Uint8ClampedArray {
  const plane = size * size;
  const out = new Uint8ClampedArray(4 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(((planar[c * plane + i] ?? 0) + 1) * 127.5);
    out[i * 4 + 3] = 255;
  }
  return out;
}
