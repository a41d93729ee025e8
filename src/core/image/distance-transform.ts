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

/** Squared distance in pixels from each pixel to the nearest pixel where `inSet` is non-zero (≥ 1e20 if none). */
export function squaredDistanceToSet(inSet: ArrayLike<number>, width: number, height: number): Float64Array {
  const d = new Float64Array(width * height);
  const n = Math.max(width, height);
  const f = new Float64Array(n);
  const out = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) f[y] = inSet[y * width + x] ? 0 : FAR;
    transform1d(f, height, v, z, out);
    for (let y = 0; y < height; y++) d[y * width + x] = out[y] ?? FAR;
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) f[x] = d[y * width + x] ?? FAR;
    transform1d(f, width, v, z, out);
    for (let x = 0; x < width; x++) d[y * width + x] = out[x] ?? FAR;
  }
  return d;
}
