// The AI redraw's four networks on onnxruntime-node, as core's DiffusionRuntime, so runRedraw (the
// sampler, the noise, the schedule) is the same code the browser runs. CUDA when the installed
// onnxruntime-node has it, the CPU otherwise. The graphs' layouts are read from the sessions and the
// set self-checked before it serves a job. Prompt hidden states are kept per prompt text.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InferenceSession, Tensor, listSupportedBackends } from 'onnxruntime-node';
import { DIFFUSION_SETS, latentSize, type DiffusionModelSet, type DiffusionSetId } from '../../src/core/diffusion/model-sets.ts';
import type { DiffusionRuntime } from '../../src/core/diffusion/redraw.ts';
import { readPartLayout, signatureOf, type DiffusionLayout } from '../../src/core/diffusion/graph-layout.ts';
import { floatData, floatsOf, idData, type TensorData } from '../../src/core/diffusion/layout-tensors.ts';
import { layoutNetworks } from '../../src/core/diffusion/layout-networks.ts';
import { redrawPrompt } from '../../src/core/diffusion/prompt.ts';
import { selfCheck, type SelfCheckResult } from '../../src/core/diffusion/self-check.ts';
import { calibratedRuntime } from '../../src/core/diffusion/vae-calibration.ts';
import { missingFiles, variantOnDisk, verifiedModelBytes } from './model-files.ts';
import { loadTokenizer } from '../../src/platform/transformers/sd-tokenizer.ts';

/** Text: the prompt's hidden states as the networks take them (a Tensor here, the prompt itself across threads). */
export interface NodeDiffusion<Text = Tensor> {
  runtime: DiffusionRuntime<Text>;
  embed(prompt: string): Promise<Text>;
  set: DiffusionModelSet;
  provider: 'cuda' | 'cpu';
  dtype: string;
  /** The first-load self-check's findings: the VAE's ranges and latent factor, and how well each part did. */
  check: SelfCheckResult;
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

const tensorOf = (d: TensorData): Tensor => new Tensor(d.type, d.data, [...d.dims]);

export async function loadNodeDiffusion(setId: DiffusionSetId, sharedModelsDir: string): Promise<NodeDiffusion> {
  const set: DiffusionModelSet = DIFFUSION_SETS[setId];
  const options = (dimensions: Record<string, number>): InferenceSession.SessionOptions => ({
    graphOptimizationLevel: 'all',
    freeDimensionOverrides: dimensions,
  });
  // The CPU takes the int8 variant where it is on disk; otherwise, and on CUDA, fp16 first.
  const cpuVariant = set.variants.find((v) => v.dtype === 'q8' && missingFiles(set, v, sharedModelsDir).length === 0) ?? variantOnDisk(set, sharedModelsDir);
  // The provider is known once a network has loaded; the text encoders of a set's variants are
  // alike in size, so the CPU variant's decides.
  const textDims = { batch: 1, sequence: set.sequenceLength };
  const first = await firstSession(await verifiedModelBytes(cpuVariant.files.textEncoder, sharedModelsDir), options(textDims));
  const ep = first.provider;
  // fp16 where a GPU runs it, int8 (the browser's wasm variant) on the CPU, else what is on disk.
  const gpuVariant = ep === 'cuda' ? set.variants.find((v) => v.dtype === 'fp16' && missingFiles(set, v, sharedModelsDir).length === 0) : undefined;
  const variant = gpuVariant ?? cpuVariant;
  const latent = latentSize(set);
  const session = async (id: string, dimensions: Record<string, number>): Promise<InferenceSession> =>
    InferenceSession.create(await verifiedModelBytes(id, sharedModelsDir), { ...options(dimensions), executionProviders: [ep] });
  const textEncoder = variant === cpuVariant ? first.session : await session(variant.files.textEncoder, textDims);
  const sessions = {
    vaeEncoder: await session(variant.files.vaeEncoder, { batch: 1, height: set.imageSize, width: set.imageSize }),
    vaeDecoder: await session(variant.files.vaeDecoder, { batch: 1, latent_height: latent, latent_width: latent }),
    unet: await session(variant.files.unet, { batch: 1, height: latent, width: latent, sequence: set.sequenceLength }),
  };
  const layout: DiffusionLayout = {
    textEncoder: readPartLayout('textEncoder', variant.files.textEncoder, signatureOf(textEncoder)),
    unet: readPartLayout('unet', variant.files.unet, signatureOf(sessions.unet)),
    vaeEncoder: readPartLayout('vaeEncoder', variant.files.vaeEncoder, signatureOf(sessions.vaeEncoder)),
    vaeDecoder: readPartLayout('vaeDecoder', variant.files.vaeDecoder, signatureOf(sessions.vaeDecoder)),
  };
  const tokenizerFiles = new Map<string, Uint8Array>();
  for (const [file, id] of Object.entries(set.tokenizer)) tokenizerFiles.set(file, await verifiedModelBytes(id, sharedModelsDir));
  const tokenize = await loadTokenizer(set.id, tokenizerFiles, set.sequenceLength);

  const prompts = new Map<string, Tensor>();
  async function embed(prompt: string): Promise<Tensor> {
    const known = prompts.get(prompt);
    if (known !== undefined) return known;
    const { ids, hidden } = layout.textEncoder;
    const out = (await textEncoder.run({ [ids.name]: tensorOf(idData(tokenize(prompt), ids.type)) }))[hidden.name];
    if (out === undefined) throw new Error(`text encoder returned no ${hidden.name}`);
    const states = floatsOf(out.data, hidden.name);
    const text = tensorOf(floatData(states, layout.unet.text.type, [1, set.sequenceLength, states.length / set.sequenceLength]));
    if (prompts.size >= PROMPT_CACHE_SIZE) prompts.delete(prompts.keys().next().value ?? '');
    prompts.set(prompt, text);
    return text;
  }

  const raw = layoutNetworks<Tensor, Tensor>(set, layout, {
    tensor: tensorOf,
    textTensor: (text) => text,
    async run(part, feeds, output) {
      const out = (await sessions[part].run(feeds))[output];
      if (out === undefined) throw new Error(`${variant.files[part]} returned no ${output}`);
      return floatsOf(out.data, output);
    },
  });
  // Checked at every start: a server starts rarely, and a wrong file must not serve a single job.
  const check = await selfCheck(raw, await embed(redrawPrompt(null, '')), set, variant.files);

  return {
    set,
    provider: ep,
    dtype: variant.dtype,
    check,
    embed,
    runtime: calibratedRuntime(raw, check.calibration),
  };
}
