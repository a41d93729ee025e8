/** A separable box blur of radius r (a (2r+1)² box, clamped at the edges), for softening an alpha. */
export function boxBlur(data: Float32Array, width: number, height: number, radius: number): Float32Array {
  if (radius <= 0) return data.slice();
  const pass = (src: Float32Array, len: number, lines: number, at: (line: number, k: number) => number): Float32Array => {
    const out = new Float32Array(src.length);
    for (let line = 0; line < lines; line++) {
      for (let k = 0; k < len; k++) {
        let sum = 0;
        const from = Math.max(0, k - radius);
        const to = Math.min(len - 1, k + radius);
        for (let j = from; j <= to; j++) sum += src[at(line, j)] ?? 0;
        out[at(line, k)] = sum / (to - from + 1);
      }
    }
    return out;
  };
  const rows = pass(data, width, height, (y, x) => y * width + x);
  return pass(rows, height, width, (x, y) => y * width + x);
}
