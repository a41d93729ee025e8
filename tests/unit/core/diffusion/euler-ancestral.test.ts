// The sampler's maths against values computed independently: tests/unit/fixtures/diffusion-schedule.json
// comes from models/diffusion/reference_schedule.py (torch float32, diffusers' formulas); the
// σ range is also checked against the values k-diffusion and ComfyUI print for SD (14.6146, 0.0292).

import { describe, expect, it } from 'vitest';
import reference from '../../fixtures/diffusion-schedule.json' with { type: 'json' };
import { alphasCumprod, sigmaAt } from '../../../../src/core/diffusion/noise-schedule.ts';
import { img2imgTimesteps, trailingTimesteps } from '../../../../src/core/diffusion/timesteps.ts';
import { addNoise, ancestralSplit, eulerAncestralStep, modelInputScale } from '../../../../src/core/diffusion/euler-ancestral.ts';
import { gaussian } from '../../../../src/core/diffusion/gaussian.ts';

/** float32 reference vs float64 here: agree to float32 precision. */
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(2e-6 * Math.max(1, Math.abs(expected)));

function sequence(values: number[]): () => number {
  let i = 0;
  return () => values[i++] ?? Number.NaN;
}

describe('noise schedule', () => {
  const ac = alphasCumprod();
  it('matches the reference ᾱ and σ', () => {
    for (const [t, value] of Object.entries(reference.alphasCumprod)) close(ac[Number(t)]!, value);
    for (const [t, value] of Object.entries(reference.sigmas)) close(sigmaAt(ac[Number(t)]!), value);
  });
  it('spans SD’s published σ range', () => {
    expect(sigmaAt(ac[999]!)).toBeCloseTo(14.6146, 3);
    expect(sigmaAt(ac[0]!)).toBeCloseTo(0.0292, 4);
  });
});

describe('timesteps', () => {
  it('trailing spacing matches the reference', () => {
    for (const [n, steps] of Object.entries(reference.trailing)) expect(trailingTimesteps(Number(n), 1000)).toEqual(steps);
  });
  it('img2img keeps the last steps of a long enough schedule', () => {
    expect(img2imgTimesteps(1, 1, 1000)).toEqual([999]);
    expect(img2imgTimesteps(1, 0.5, 1000)).toEqual([499]); // SD-Turbo's documented strength 0.5 × 2 steps
    expect(img2imgTimesteps(2, 0.5, 1000)).toEqual([499, 249]);
    expect(img2imgTimesteps(4, 1, 1000)).toEqual([999, 749, 499, 249]);
    expect(img2imgTimesteps(3, 0.6, 1000)).toHaveLength(3);
  });
  it('refuses what cannot be sampled', () => {
    expect(() => img2imgTimesteps(1, 0, 1000)).toThrow(RangeError);
    expect(() => trailingTimesteps(0, 1000)).toThrow(RangeError);
  });
});

describe('Euler ancestral', () => {
  const ref = reference.eulerAncestral;
  const ac = alphasCumprod();
  it('splits a step as diffusers does', () => {
    const { up, down } = ancestralSplit(sigmaAt(ac[ref.from]!), sigmaAt(ac[ref.to]!));
    close(up, ref.sigmaUp);
    close(down, ref.sigmaDown);
  });
  it('steps to the reference latents', () => {
    const out = eulerAncestralStep(
      Float32Array.from(ref.sample),
      Float32Array.from(ref.epsilon),
      sigmaAt(ac[ref.from]!),
      sigmaAt(ac[ref.to]!),
      sequence(ref.noise),
    );
    ref.result.forEach((v, i) => expect(out[i]!).toBeCloseTo(v, 4));
  });
  it('the last step returns the denoised latents and draws no noise', () => {
    const noise = sequence([]);
    const out = eulerAncestralStep(Float32Array.from(ref.sample), Float32Array.from(ref.epsilon), sigmaAt(ac[ref.lastFrom]!), 0, noise);
    ref.lastResult.forEach((v, i) => expect(out[i]!).toBeCloseTo(v, 4));
  });
  it('scales the model input to unit variance and adds σ-scaled noise', () => {
    close(modelInputScale(0), 1);
    close(modelInputScale(Math.sqrt(3)), 0.5);
    const noisy = addNoise(new Float32Array([1, 2]), 2, sequence([0.5, -1]));
    expect(Array.from(noisy)).toEqual([2, 0]);
  });
});

describe('seeded noise', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = gaussian(42);
    const b = gaussian(42);
    const c = gaussian(43);
    const first = Array.from({ length: 8 }, () => a());
    expect(Array.from({ length: 8 }, () => b())).toEqual(first);
    expect(Array.from({ length: 8 }, () => c())).not.toEqual(first);
  });
  it('is standard normal', () => {
    const g = gaussian(1);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const v = g();
      sum += v;
      squares += v * v;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.01);
  });
});
