// Loads a diffusion model set for the provider and weights the capability gate chose: every file
// through the model store (verified, cached in IndexedDB, one progress total), then one session per
// network. The prompt hidden states are cached in IndexedDB; the built-in expressions' prompts are
// encoded once, in the background after load, so the usual stickers never wait for the text encoder.

import type { Tensor } from 'onnxruntime-web/webgpu';
import { EXPRESSIONS } from '../../../core/expression/lexicon.ts';
import { redrawPrompt } from '../../../core/diffusion/prompt.ts';
import { latentSize, type DiffusionModelSet, type DiffusionVariant } from '../../../core/diffusion/model-sets.ts';
import type { RedrawDownload } from '../../../core/diffusion/redraw-status.ts';
import { sumProgress } from '../../../core/models/download-rate.ts';
import type { DownloadProgress } from '../../../core/platform.ts';
import { modelEntry, type ModelEntry } from '../../../core/models/manifest.ts';
import type { LoadedDiffusion, PromptEmbedding } from '../../../core/platform.ts';
import { cachedQuery, embeddingScope, storeQuery } from '../text/embedding-cache.ts';
import { loadModelBytes } from '../models/model-store.ts';
import { createSession, floatTensor, useOneWasmThread, int32Tensor, int64Tensor, readFloats, type Provider } from './ort-session.ts';
import { GpuTensors } from './gpu-tensors.ts';
import { loadTokenizer } from '../../transformers/sd-tokenizer.ts';

export interface DiffusionLoad {
  set: DiffusionModelSet;
  variant: DiffusionVariant;
  provider: Provider;
  /** diffusionFiles(set, variant), with hosted files' URLs resolved. */
  entries: readonly ModelEntry[];
  assetBase: string;
  /** One wasm thread (WeChat's browser has none to give); otherwise onnxruntime-web decides. */
  singleThreadWasm: boolean;
  signal: AbortSignal;
  onDownload(progress: RedrawDownload): void;
  onLoading(): void;
}

async function fetchAll(load: DiffusionLoad, entries: readonly ModelEntry[]): Promise<Map<string, Uint8Array>> {
  const progress: DownloadProgress[] = entries.map((e) => ({ model: e.id, loaded: 0, total: e.bytes, cached: false, bytesPerSecond: null, secondsLeft: null }));
  const report = () => {
    const { loaded, total, bytesPerSecond, secondsLeft } = sumProgress(progress);
    load.onDownload({ loaded, total, bytesPerSecond, secondsLeft });
  };
  const bytes = new Map<string, Uint8Array>();
  let downloaded = false;
  for (const [i, entry] of entries.entries()) {
    const file = await loadModelBytes(
      entry,
      load.assetBase,
      (p) => {
        progress[i] = p;
        if (p.cached) return;
        downloaded = true;
        report();
      },
      { signal: load.signal },
    );
    progress[i] = { model: entry.id, loaded: entry.bytes, total: entry.bytes, cached: true, bytesPerSecond: null, secondsLeft: null };
    bytes.set(entry.id, new Uint8Array(file));
  }
  if (downloaded) report();
  return bytes;
}

export async function loadDiffusion(load: DiffusionLoad): Promise<LoadedDiffusion> {
  const began = performance.now();
  const { set, variant, provider } = load;
  const files = await fetchAll(load, load.entries);
  load.onLoading();
  if (load.singleThreadWasm) useOneWasmThread();
  const file = (id: string): Uint8Array => {
    const found = files.get(id);
    if (found === undefined) throw new Error(`${id} was not loaded`);
    return found;
  };
  const tokenizerFiles = new Map(Object.entries(set.tokenizer).map(([path, id]) => [path, file(id)]));
  const tokenize = await loadTokenizer(set.id, tokenizerFiles, set.sequenceLength);
  const latent = latentSize(set);
  const textEncoder = await createSession(file(variant.files.textEncoder), {
    provider,
    dimensions: { batch: 1, sequence: set.sequenceLength },
    gpuOutputs: ['last_hidden_state'],
  });
  const vaeEncoder = await createSession(file(variant.files.vaeEncoder), { provider, dimensions: { batch: 1, height: set.imageSize, width: set.imageSize } });
  const vaeDecoder = await createSession(file(variant.files.vaeDecoder), { provider, dimensions: { batch: 1, latent_height: latent, latent_width: latent } });
  const unet = await createSession(file(variant.files.unet), {
    provider,
    dimensions: { batch: 1, height: latent, width: latent, sequence: set.sequenceLength },
  });
  files.clear(); // the sessions hold their own copies

  // onnxruntime-web cannot run two inferences at once (its WebGPU backend hangs), so every run,
  // the background prompt encodings and a job's networks alike, waits its turn here. A job's
  // prompt thus waits for at most the one background encoding in flight.
  let free: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = free.then(work);
    free = turn.catch(() => undefined);
    return turn;
  };
  const gpu = new GpuTensors();
  const scope = embeddingScope(`sd-text:${set.id}`, modelEntry(variant.files.textEncoder).sha256);
  const hiddenDims = (data: Float32Array) => [1, set.sequenceLength, data.length / set.sequenceLength];
  const latentDims = [1, set.latentChannels, latent, latent];

  /** Handles stay opaque to core; the tensor behind each is looked up here. */
  const tensors = new WeakMap<PromptEmbedding, Tensor>();
  const handle = (tensor: Tensor, release: () => void): PromptEmbedding => {
    const embedding = { release };
    tensors.set(embedding, tensor);
    return embedding;
  };
  const tensorOf = (embedding: PromptEmbedding): Tensor => {
    const tensor = tensors.get(embedding);
    if (tensor === undefined) throw new Error('prompt embedding from another session');
    return tensor;
  };

  async function embed(prompt: string): Promise<PromptEmbedding> {
    const cached = await cachedQuery(scope, prompt);
    if (cached !== undefined) return handle(floatTensor(cached, hiddenDims(cached)), () => undefined);
    const ids = tokenize(prompt);
    const { tensor, floats } = await inTurn(async () => {
      const hidden = (await textEncoder.run({ input_ids: int32Tensor(ids, [1, ids.length]) })).last_hidden_state;
      if (hidden === undefined) throw new Error('text encoder returned no last_hidden_state');
      const kept = gpu.keep(hidden);
      return { tensor: kept, floats: (await readFloats(kept)).slice() };
    });
    await storeQuery(scope, prompt, floats);
    return handle(tensor, () => gpu.dispose(tensor));
  }

  // Encoded in the background one at a time, so a job queues behind one at most; a failure only
  // costs that prompt's first use.
  const precomputed = (async () => {
    for (const expression of EXPRESSIONS) (await embed(redrawPrompt(expression, ''))).release();
  })().catch(() => undefined);

  const run = (session: typeof unet, feeds: Record<string, Tensor>, output: string): Promise<Float32Array> =>
    inTurn(async () => {
      const out = (await session.run(feeds))[output];
      if (out === undefined) throw new Error(`network returned no ${output}`);
      return readFloats(out);
    });

  return {
    embed,
    runtime: {
      encodeImage: (pixels) => run(vaeEncoder, { sample: floatTensor(pixels, [1, 3, set.imageSize, set.imageSize]) }, 'latent_sample'),
      predictNoise: (sample, timestep, text) =>
        run(unet, { sample: floatTensor(sample, latentDims), timestep: int64Tensor([timestep]), encoder_hidden_states: tensorOf(text) }, 'out_sample'),
      decode: (latents) => run(vaeDecoder, { latent_sample: floatTensor(latents, latentDims) }, 'sample'),
    },
    info: { set: set.id, test: set.test, provider, dtype: variant.dtype, loadMs: performance.now() - began },
    liveGpuTensors: () => gpu.count,
    idle: async () => {
      await precomputed;
      await free;
    },
  };
}
