// Exact Euclidean distance transform (Felzenszwalb & Huttenlocher, "Distance Transforms of Sampled
// Functions"): the squared distance from every pixel to the nearest pixel of a set, in linear time,
// so dilating by any radius costs the same.

/** Stands for "no set pixel on this line": finite, so the parabola arithmetic stays exact elsewhere. */
const FAR = 1e20;

/** The lower envelope of the parabolas (q − p)² + f(p), sampled at every q. Written out without
 *  helpers: a closure per read cost more than the transform itself. */
function transform1d(f: Float64Array, n: number, v: Int32Array, z: Float64Array, out: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    const fq = (f[q] ?? FAR) + q * q;
    let p = v[k] ?? 0;
    let s = (fq - ((f[p] ?? FAR) + p * p)) / (2 * q - 2 * p);
    while (s <= (z[k] ?? -Infinity)) {
      k--;
      p = v[k] ?? 0;
      s = (fq - ((f[p] ?? FAR) + p * p)) / (2 * q - 2 * p);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while ((z[k + 1] ?? Infinity) < q) k++;
    const p = v[k] ?? 0;
    out[q] = (q - p) * (q - p) + (f[p] ?? FAR);
  }
}

/**
 * Squared distance in pixels from each pixel to the nearest pixel where `inSet` is non-zero (≥ 1e20
 * if none). Columns first: for a set of pixels the distance along a column is a plain count, made in
 * two sweeps over whole rows (Meijster et al.'s first phase), so every read walks memory in order;
 * walking down columns one at a time missed the cache on each pixel and took half the time.
 */
export function squaredDistanceToSet(inSet: ArrayLike<number>, width: number, height: number): Float64Array {
  const d = new Float64Array(width * height);
  // Down, then up: the distance to the nearest set pixel in the same column.
  for (let x = 0; x < width; x++) d[x] = inSet[x] ? 0 : FAR;
  for (let y = 1; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) d[row + x] = inSet[row + x] ? 0 : (d[row - width + x] ?? FAR) + 1;
  }
  for (let y = height - 2; y >= 0; y--) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const below = (d[row + width + x] ?? FAR) + 1;
      if (below < (d[row + x] ?? FAR)) d[row + x] = below;
    }
  }
  const f = new Float64Array(width);
  const out = new Float64Array(width);
  const v = new Int32Array(width);
  const z = new Float64Array(width + 1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const g = d[row + x] ?? FAR;
      f[x] = g >= FAR ? FAR : g * g;
    }
    transform1d(f, width, v, z, out);
    d.set(out, row);
  }
  return d;
}
