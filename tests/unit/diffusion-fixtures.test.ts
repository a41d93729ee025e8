// The AI-redraw fixture models (models/fixtures/diffusion) on onnxruntime-node: the files the
// manifest pins, with the real exports' signatures, and small but real networks — the VAE gives the
// photo back, prompts differ, the UNet is deterministic and predicts the noise it is given.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../models/manifest.json' with { type: 'json' };
import { largestTensorBytes } from '../../models/onnx-largest-tensor.ts';
import { decodePngRgb } from './support/png-rgb.ts';

const models = fileURLToPath(new URL('../../models/', import.meta.url));
const FACE = fileURLToPath(new URL('../../../shared/fixtures/faces/astronaut.png', import.meta.url));

const IDS = {
  text_encoder: 'sd-text-encoder-fixture',
  unet: 'sd-unet-fixture',
  vae_encoder: 'sd-vae-encoder-fixture',
  vae_decoder: 'sd-vae-decoder-fixture',
} as const;
type Name = keyof typeof IDS;

/** The exact signatures of the real exports: name, element type, shape with its axis names. */
const SIGNATURES: Record<Name, { inputs: [string, string, (number | string)[]][]; outputs: [string, string, (number | string)[]][] }> = {
  text_encoder: {
    inputs: [['input_ids', 'int32', ['batch', 'sequence']]],
    outputs: [['last_hidden_state', 'float32', ['batch', 'sequence', 768]]],
  },
  unet: {
    inputs: [
      ['sample', 'float32', ['batch', 4, 'height', 'width']],
      ['timestep', 'int64', ['batch']],
      ['encoder_hidden_states', 'float32', ['batch', 'sequence', 768]],
    ],
    outputs: [['out_sample', 'float32', ['batch', 4, 'height', 'width']]],
  },
  vae_encoder: {
    inputs: [['sample', 'float32', ['batch', 3, 'height', 'width']]],
    outputs: [['latent_sample', 'float32', ['batch', 4, 'latent_height', 'latent_width']]],
  },
  vae_decoder: {
    inputs: [['latent_sample', 'float32', ['batch', 4, 'latent_height', 'latent_width']]],
    outputs: [['sample', 'float32', ['batch', 3, 'height', 'width']]],
  },
};

/** The sizes the app fixes with freeDimensionOverrides. */
const OVERRIDES: Record<Name, Record<string, number>> = {
  text_encoder: { batch: 1, sequence: 77 },
  unet: { batch: 1, height: 64, width: 64, sequence: 77 },
  vae_encoder: { batch: 1, height: 512, width: 512 },
  vae_decoder: { batch: 1, latent_height: 64, latent_width: 64 },
};

// The CLIP tokenizer's ids for "a smiling face, cartoon sticker" and "an angry face, oil painting".
const PROMPT_A = [49406, 320, 9200, 1710, 267, 7651, 11270, 49407];
const PROMPT_B = [49406, 550, 9054, 1710, 267, 2870, 3086, 49407];

// Stable Diffusion's scaled_linear schedule.
const ALPHAS_CUMPROD = (() => {
  const out: number[] = [];
  let product = 1;
  for (let i = 0; i < 1000; i++) {
    const beta = (Math.sqrt(0.00085) + ((Math.sqrt(0.012) - Math.sqrt(0.00085)) * i) / 999) ** 2;
    product *= 1 - beta;
    out.push(product);
  }
  return out;
})();

const sessions = {} as Record<Name, InferenceSession>;

function tokens(ids: readonly number[]): Tensor {
  const padded = Int32Array.from({ length: 77 }, (_, i) => ids[Math.min(i, ids.length - 1)]!);
  return new Tensor('int32', padded, [1, 77]);
}

async function run(name: Name, feeds: Record<string, Tensor>): Promise<Tensor> {
  const result = await sessions[name].run(feeds);
  return result[sessions[name].outputNames[0]!]!;
}

const floats = (t: Tensor): Float32Array => t.data as Float32Array;

/** Seeded standard normal noise (mulberry32 + Box–Muller), so the test is reproducible. */
function gaussian(count: number, seed: number): Float32Array {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = Math.imul(state ^ (state >>> 15), 1 | state);
    z ^= z + Math.imul(z ^ (z >>> 7), 61 | z);
    return (((z ^ (z >>> 14)) >>> 0) + 0.5) / 2 ** 32;
  };
  return Float32Array.from({ length: count }, () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
}

function correlation(a: Float32Array, b: Float32Array): number {
  const mean = (x: Float32Array): number => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

function meanAbsDifference(a: Float32Array, b: Float32Array): number {
  return a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;
}

/** The 512×512 test face as the VAE encoder takes it: NCHW in [-1, 1]. */
function faceTensor(): Tensor {
  const { width, height, rgb } = decodePngRgb(readFileSync(FACE));
  expect([width, height]).toEqual([512, 512]);
  const planar = new Float32Array(3 * width * height);
  for (let i = 0; i < width * height; i++) for (let c = 0; c < 3; c++) planar[c * width * height + i] = rgb[i * 3 + c]! / 127.5 - 1;
  return new Tensor('float32', planar, [1, 3, height, width]);
}

describe('AI-redraw fixture models', () => {
  beforeAll(async () => {
    for (const [name, id] of Object.entries(IDS) as [Name, string][]) {
      const entry = manifest.models.find((m) => m.id === id)!;
      const bytes = new Uint8Array(readFileSync(`${models}${entry.file}`));
      expect(bytes.byteLength).toBe(entry.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
      expect(largestTensorBytes(bytes)).toBe(entry.largestTensorBytes);
      sessions[name] = await InferenceSession.create(bytes, { freeDimensionOverrides: OVERRIDES[name] });
    }
  });

  it('have the real exports’ input and output names, types and axis names', () => {
    for (const name of Object.keys(IDS) as Name[]) {
      const shape = (m: InferenceSession.ValueMetadata): [string, string, (number | string)[]] =>
        m.isTensor ? [m.name, m.type, [...m.shape]] : [m.name, 'not a tensor', []];
      expect(sessions[name].inputMetadata.map(shape), name).toEqual(SIGNATURES[name].inputs);
      expect(sessions[name].outputMetadata.map(shape), name).toEqual(SIGNATURES[name].outputs);
    }
  });

  it('encode a face to 64×64 latents of about unit variance and decode it back to a blurry copy', async () => {
    const face = faceTensor();
    const latents = await run('vae_encoder', { sample: face });
    expect(latents.dims).toEqual([1, 4, 64, 64]);
    const z = floats(latents);
    const variance = z.reduce((s, v) => s + v * v, 0) / z.length;
    expect(variance).toBeGreaterThan(0.5);
    expect(variance).toBeLessThan(2);

    const decoded = await run('vae_decoder', { latent_sample: latents });
    expect(decoded.dims).toEqual([1, 3, 512, 512]);
    expect(floats(decoded).every((v) => v >= -1 && v <= 1)).toBe(true);
    // Measured 0.083 on [-1, 1] (about 11 of 255 levels): each 8×8 patch is kept as 4 numbers.
    expect(meanAbsDifference(floats(decoded), floats(face))).toBeLessThan(0.1);
  });

  it('give different prompts clearly different hidden states', async () => {
    const a = await run('text_encoder', { input_ids: tokens(PROMPT_A) });
    const b = await run('text_encoder', { input_ids: tokens(PROMPT_B) });
    expect(a.dims).toEqual([1, 77, 768]);
    const scale = floats(a).reduce((s, v) => s + Math.abs(v), 0) / a.size;
    // Measured 0.45 against a mean magnitude of 0.55.
    expect(meanAbsDifference(floats(a), floats(b))).toBeGreaterThan(0.3 * scale);
  });

  it('predict the noise added to a face’s latents, deterministically, changed by the prompt', async () => {
    const z = floats(await run('vae_encoder', { sample: faceTensor() }));
    const noise = gaussian(z.length, 7);
    // Strength 0.45, the middle of the redraw's range.
    const t = 449;
    const a = ALPHAS_CUMPROD[t]!;
    const noisy = z.map((v, i) => Math.sqrt(a) * v + Math.sqrt(1 - a) * noise[i]!);
    const feeds = async (prompt: readonly number[]): Promise<Record<string, Tensor>> => ({
      sample: new Tensor('float32', noisy, [1, 4, 64, 64]),
      timestep: new Tensor('int64', BigInt64Array.from([BigInt(t)]), [1]),
      encoder_hidden_states: await run('text_encoder', { input_ids: tokens(prompt) }),
    });

    const first = await run('unet', await feeds(PROMPT_A));
    const again = await run('unet', await feeds(PROMPT_A));
    const other = await run('unet', await feeds(PROMPT_B));
    expect(first.dims).toEqual([1, 4, 64, 64]);
    expect(floats(again)).toEqual(floats(first));

    // A real denoiser: measured 0.94, against 0.82 for the noisy input itself.
    const predicted = correlation(floats(first), noise);
    expect(predicted).toBeGreaterThan(0.9);
    expect(predicted).toBeGreaterThan(correlation(noisy, noise) + 0.05);
    // Measured 0.019, where the prediction's mean magnitude is 0.75.
    expect(meanAbsDifference(floats(first), floats(other))).toBeGreaterThan(0.005);
  });
});
