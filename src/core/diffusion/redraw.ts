// The image-to-image loop, independent of the runtime: encode the face crop to latents, add the
// seed's noise for the chosen strength, run the distilled UNet for each timestep with the
// Euler-ancestral sampler, decode. Cancellation is checked between model runs; after each step
// but the last a preview of the current clean estimate is decoded.

import { StickerError } from '../errors.ts';
import { alphasCumprod, sigmaAt, SD_SCHEDULE } from './noise-schedule.ts';
import { img2imgTimesteps } from './timesteps.ts';
import { addNoise, eulerAncestralStep, modelInputScale } from './euler-ancestral.ts';
import { gaussian } from './gaussian.ts';

/** The four networks, as a runtime provides them. `Text` stays wherever the runtime keeps it (GPU). */
export interface DiffusionRuntime<Text> {
  /** [3, S, S] in [-1, 1] → latents [C, S/8, S/8]. */
  encodeImage(pixels: Float32Array): Promise<Float32Array>;
  /** ε predicted for the variance-preserving input at a training timestep. */
  predictNoise(sample: Float32Array, timestep: number, text: Text): Promise<Float32Array>;
  /** Latents → [3, S, S] in [-1, 1]. */
  decode(latents: Float32Array): Promise<Float32Array>;
}

export interface RedrawSettings {
  steps: number;
  /** 0–1: how far from the photo the redraw may go. */
  strength: number;
  seed: number;
}

export interface RedrawHooks {
  signal: { readonly aborted: boolean };
  /** After each model run: done of total runs (encode, each step, decode). */
  onProgress(done: number, total: number): void;
  /** The clean estimate after a step that is not the last, decoded. */
  onPreview?(pixels: Float32Array, step: number): void;
}

const SCHEDULE = alphasCumprod(SD_SCHEDULE);

function checkAborted(signal: { readonly aborted: boolean }): void {
  if (signal.aborted) throw new StickerError('ABORTED', 'cancelled', { stage: 'redraw' });
}

export async function runRedraw<Text>(
  runtime: DiffusionRuntime<Text>,
  text: Text,
  pixels: Float32Array,
  settings: RedrawSettings,
  hooks: RedrawHooks,
): Promise<Float32Array> {
  const timesteps = img2imgTimesteps(settings.steps, settings.strength, SD_SCHEDULE.trainTimesteps);
  const sigmas = [...timesteps.map((t) => sigmaAt(SCHEDULE[t] ?? 1)), 0];
  const total = timesteps.length + 2;
  const noise = gaussian(settings.seed);
  checkAborted(hooks.signal);
  const clean = await runtime.encodeImage(pixels);
  hooks.onProgress(1, total);
  let latents = addNoise(clean, sigmas[0] ?? 0, noise);
  for (const [i, timestep] of timesteps.entries()) {
    checkAborted(hooks.signal);
    const sigma = sigmas[i] ?? 0;
    const next = sigmas[i + 1] ?? 0;
    const scale = modelInputScale(sigma);
    const epsilon = await runtime.predictNoise(
      latents.map((v) => v * scale),
      timestep,
      text,
    );
    if (hooks.onPreview !== undefined && next > 0) {
      const estimate = latents.map((v, j) => v - sigma * (epsilon[j] ?? 0));
      checkAborted(hooks.signal);
      hooks.onPreview(await runtime.decode(estimate), i + 1);
    }
    latents = eulerAncestralStep(latents, epsilon, sigma, next, noise);
    hooks.onProgress(i + 2, total);
  }
  checkAborted(hooks.signal);
  const out = await runtime.decode(latents);
  hooks.onProgress(total, total);
  return out;
}
