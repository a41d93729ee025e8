// The Euler-ancestral sampler (k-diffusion's sample_euler_ancestral; diffusers'
// EulerAncestralDiscreteScheduler), which SD-Turbo's and SDXS's model cards sample with. Latents
// live in the "x = x0 + σ·ε" form; the UNet is shown x / √(σ² + 1) and predicts ε.

import type { Gaussian } from './gaussian.ts';

/** What the UNet is given at noise level σ: the variance-preserving form it was trained on. */
export function modelInputScale(sigma: number): number {
  return 1 / Math.sqrt(sigma * sigma + 1);
}

/** Starts img2img at σ: the clean latents plus σ-scaled noise. */
export function addNoise(latents: Float32Array, sigma: number, noise: Gaussian): Float32Array {
  const out = new Float32Array(latents.length);
  for (let i = 0; i < latents.length; i++) out[i] = (latents[i] ?? 0) + sigma * noise();
  return out;
}

/** How a step from σ to σ' splits into a deterministic move (down) and fresh noise (up). */
export function ancestralSplit(sigmaFrom: number, sigmaTo: number): { down: number; up: number } {
  if (sigmaTo === 0) return { down: 0, up: 0 };
  const up = Math.sqrt((sigmaTo * sigmaTo * (sigmaFrom * sigmaFrom - sigmaTo * sigmaTo)) / (sigmaFrom * sigmaFrom));
  return { down: Math.sqrt(sigmaTo * sigmaTo - up * up), up };
}

/** One step: x0 = x − σ·ε, then on to σ' (0 on the last step, which returns x0 itself). */
export function eulerAncestralStep(x: Float32Array, epsilon: Float32Array, sigmaFrom: number, sigmaTo: number, noise: Gaussian): Float32Array {
  const { down, up } = ancestralSplit(sigmaFrom, sigmaTo);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const eps = epsilon[i] ?? 0;
    const denoised = (x[i] ?? 0) - sigmaFrom * eps;
    out[i] = up === 0 ? denoised + down * eps : denoised + down * eps + up * noise();
  }
  return out;
}
