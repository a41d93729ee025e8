/**
 * A separable box blur of radius r (a (2r+1)² box, clamped at the edges), for softening an alpha.
 * Rows then columns, each window summed in order; written without per-pixel callbacks, which made
 * it the slowest step of a sticker's cutout.
 */
export function boxBlur(data: Float32Array, width: number, height: number, radius: number): Float32Array {
  if (radius <= 0) return data.slice();
  const rows = new Float32Array(data.length);
  for (let y = 0; y < height; y++) {
    const line = y * width;
    for (let x = 0; x < width; x++) {
      const from = Math.max(0, x - radius);
      const to = Math.min(width - 1, x + radius);
      let sum = 0;
      for (let j = from; j <= to; j++) sum += data[line + j] ?? 0;
      rows[line + x] = sum / (to - from + 1);
    }
  }
  const out = new Float32Array(data.length);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const from = Math.max(0, y - radius);
      const to = Math.min(height - 1, y + radius);
      let sum = 0;
      for (let j = from; j <= to; j++) sum += rows[j * width + x] ?? 0;
      out[y * width + x] = sum / (to - from + 1);
    }
  }
  return out;
}
