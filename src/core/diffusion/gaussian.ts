// Seeded standard-normal noise: the same seed gives the same sticker on every device and on both
// onnxruntime providers, because the noise is made here in JavaScript, not by the GPU.

export type Gaussian = () => number;

/** mulberry32: a 32-bit generator that is fast, seedable and well distributed for this use. */
function uniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Box–Muller pairs; (0, 1] for the logarithm's argument so it never sees 0. */
export function gaussian(seed: number): Gaussian {
  const next = uniform(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u = 1 - next();
    const v = next();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
}
