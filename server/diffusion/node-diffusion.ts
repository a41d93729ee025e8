// The AI redraw's four networks on onnxruntime-node, as core's DiffusionRuntime, so runRedraw (the
// sampler, the noise, the schedule) is the same code the browser runs. CUDA when the installed
// onnxruntime-node has it, the CPU otherwise. Prompt hidden states are kept per prompt text.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InferenceSession, Tensor, listSupportedBackends } from 'onnxruntime-node';
import { DIFFUSION_SETS, latentSize, type DiffusionSetId } from '../../src/core/diffusion/model-sets.ts';
import type { DiffusionRuntime } from '../../src/core/diffusion/redraw.ts';
import { verifiedModelBytes } from './model-files.ts';
import { loadTokenizer } from '../../src/platform/transformers/sd-tokenizer.ts';

/** Text: the prompt's hidden states as the networks take them (a Tensor here, the prompt itself across threads). */
export interface NodeDiffusion<Text = Tensor> {
  runtime: DiffusionRuntime<Text>;
  embed(prompt: string): Promise<Text>;
  set: (typeof DIFFUSION_SETS)[DiffusionSetId];
  provider: 'cuda' | 'cpu';
  dtype: string;
}

/** Distinct prompts kept encoded; the built-in expressions' prompts are far fewer. */
const PROMPT_CACHE_SIZE = 256;

/**
 * onnxruntime-node lists CUDA whenever it was built with it, also where its CUDA provider library
 * is missing (the npm package ships only the CPU one unless its install script fetched it, which
 * .npmrc turns off). So CUDA is tried only when that library sits beside the binding, and the CPU
 * taken when it still does not load (no driver, no GPU).
 */
function cudaInstalled(): boolean {
  const binding = path.join(
    path.dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json')),
    'bin',
    'napi-v6',
    process.platform,
    process.arch,
  );
  return listSupportedBackends().some((b) => b.name === 'cuda') && existsSync(path.join(binding, 'libonnxruntime_providers_cuda.so'));
}

async function firstSession(bytes: Uint8Array, options: InferenceSession.SessionOptions): Promise<{ session: InferenceSession; provider: 'cuda' | 'cpu' }> {
  if (cudaInstalled()) {
    try {
      return { session: await InferenceSession.create(bytes, { ...options, executionProviders: ['cuda'] }), provider: 'cuda' };
    } catch {
      // no usable CUDA here: the CPU below
    }
  }
  return { session: await InferenceSession.create(bytes, { ...options, executionProviders: ['cpu'] }), provider: 'cpu' };
}

export async function loadNodeDiffusion(setId: DiffusionSetId, sharedModelsDir: string): Promise<NodeDiffusion> {
  const set = DIFFUSION_SETS[setId];
  const options = (dimensions: Record<string, number>): InferenceSession.SessionOptions => ({
    graphOptimizationLevel: 'all',
    freeDimensionOverrides: dimensions,
  });
  const cpuVariant = set.variants.find((v) => v.dtype === 'q8') ?? set.variants[0];
  // The provider is known once a network has loaded; the text encoders of a set's variants are
  // alike in size, so the CPU variant's decides.
  const textDims = { batch: 1, sequence: set.sequenceLength };
  const first = await firstSession(await verifiedModelBytes(cpuVariant.files.textEncoder, sharedModelsDir), options(textDims));
  const ep = first.provider;
  // fp16 where a GPU runs it, int8 (the browser's wasm variant) on the CPU, else the set's only one.
  const variant = (ep === 'cuda' ? set.variants.find((v) => v.dtype === 'fp16') : undefined) ?? cpuVariant;
  const latent = latentSize(set);
  const session = async (id: string, dimensions: Record<string, number>): Promise<InferenceSession> =>
    InferenceSession.create(await verifiedModelBytes(id, sharedModelsDir), { ...options(dimensions), executionProviders: [ep] });
  const textEncoder = variant === cpuVariant ? first.session : await session(variant.files.textEncoder, textDims);
  const vaeEncoder = await session(variant.files.vaeEncoder, { batch: 1, height: set.imageSize, width: set.imageSize });
  const vaeDecoder = await session(variant.files.vaeDecoder, { batch: 1, latent_height: latent, latent_width: latent });
  const unet = await session(variant.files.unet, { batch: 1, height: latent, width: latent, sequence: set.sequenceLength });
  const tokenizerFiles = new Map<string, Uint8Array>();
  for (const [file, id] of Object.entries(set.tokenizer)) tokenizerFiles.set(file, await verifiedModelBytes(id, sharedModelsDir));
  const tokenize = await loadTokenizer(set.id, tokenizerFiles, set.sequenceLength);

  const latentDims = [1, set.latentChannels, latent, latent];
  const run = async (s: InferenceSession, feeds: Record<string, Tensor>, output: string): Promise<Float32Array> => {
    const out = (await s.run(feeds))[output];
    if (out === undefined || !(out.data instanceof Float32Array)) throw new Error(`network returned no float ${output}`);
    return out.data;
  };
  const prompts = new Map<string, Tensor>();

  return {
    set,
    provider: ep,
    dtype: variant.dtype,
    async embed(prompt) {
      const known = prompts.get(prompt);
      if (known !== undefined) return known;
      const ids = tokenize(prompt);
      const hidden = (await textEncoder.run({ input_ids: new Tensor('int32', ids, [1, ids.length]) })).last_hidden_state;
      if (hidden === undefined) throw new Error('text encoder returned no last_hidden_state');
      if (prompts.size >= PROMPT_CACHE_SIZE) prompts.delete(prompts.keys().next().value ?? '');
      prompts.set(prompt, hidden);
      return hidden;
    },
    runtime: {
      encodeImage: (pixels) => run(vaeEncoder, { sample: new Tensor('float32', pixels, [1, 3, set.imageSize, set.imageSize]) }, 'latent_sample'),
      predictNoise: (sample, timestep, text) =>
        run(
          unet,
          {
            sample: new Tensor('float32', sample, latentDims),
            timestep: new Tensor('int64', BigInt64Array.from([BigInt(timestep)]), [1]),
            encoder_hidden_states: text,
          },
          'out_sample',
        ),
      decode: (latents) => run(vaeDecoder, { latent_sample: new Tensor('float32', latents, latentDims) }, 'sample'),
    },
  };
}
