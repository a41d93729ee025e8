// Which training timesteps a few-step image-to-image run visits. Distilled models are sampled with
// "trailing" spacing (it always starts at the last timestep, which they were distilled to denoise);
// strength then drops the noisiest ones, as diffusers' img2img pipelines do.

/** round(arange(T, 0, −T/n)) − 1: for T = 1000, n = 4 → [999, 749, 499, 249]. */
export function trailingTimesteps(steps: number, trainTimesteps: number): number[] {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  const ratio = trainTimesteps / steps;
  return Array.from({ length: steps }, (_, i) => Math.round(trainTimesteps - i * ratio) - 1);
}

/**
 * The timesteps `steps` denoising steps visit at `strength` (0–1: how much of the photo is redrawn).
 * diffusers keeps the last ⌊n·strength⌋ of an n-step schedule, so it runs no step at all when
 * n·strength < 1; here the schedule is made long enough that exactly `steps` steps run.
 */
export function img2imgTimesteps(steps: number, strength: number, trainTimesteps: number): number[] {
  if (!(strength > 0 && strength <= 1)) throw new RangeError(`strength must be in (0, 1], got ${strength}`);
  const scheduleLength = Math.max(steps, Math.ceil(steps / strength - 1e-9));
  return trailingTimesteps(scheduleLength, trainTimesteps).slice(scheduleLength - steps);
}
