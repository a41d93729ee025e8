// Stable Diffusion's training noise schedule, which every SD1.x/2.x-derived UNet (SD-Turbo, SDXS,
// BK-SDM) was trained on: "scaled_linear" betas over 1000 timesteps. Distilled models sample it at
// a few timesteps only, so the schedule is computed exactly once and looked up.

export interface NoiseScheduleConfig {
  trainTimesteps: number;
  betaStart: number;
  betaEnd: number;
}

export const SD_SCHEDULE: NoiseScheduleConfig = { trainTimesteps: 1000, betaStart: 0.00085, betaEnd: 0.012 };

/** ᾱ_t = Π (1 − β_i), with β linear in √β between the ends ("scaled_linear"). */
export function alphasCumprod(config: NoiseScheduleConfig = SD_SCHEDULE): Float64Array {
  const { trainTimesteps: n, betaStart, betaEnd } = config;
  const out = new Float64Array(n);
  const a = Math.sqrt(betaStart);
  const b = Math.sqrt(betaEnd);
  let product = 1;
  for (let i = 0; i < n; i++) {
    const root = n === 1 ? a : a + ((b - a) * i) / (n - 1);
    product *= 1 - root * root;
    out[i] = product;
  }
  return out;
}

/** The noise level of timestep t in the "x = x0 + σ·ε" form Euler samplers work in. */
export function sigmaAt(alphaBar: number): number {
  return Math.sqrt((1 - alphaBar) / alphaBar);
}
