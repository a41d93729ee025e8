// Loads a diffusion model set for the provider and weights the capability gate chose: every file
// through the model store (verified, cached in IndexedDB, one progress total), then one session per
// network, fed by the input/output layout read from it; a set is self-checked before its first use
// (the result kept, so later loads skip it). The prompt hidden states are cached in IndexedDB; the built-in expressions' prompts are
// encoded once, in the background after load, so the usual stickers never wait for the text encoder.

import type { Tensor } from 'onnxruntime-web/webgpu';
import { StickerError } from '../../../core/errors.ts';
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
import { readPartLayout, signatureOf, type DiffusionLayout } from '../../../core/diffusion/graph-layout.ts';
import { floatData, floatsOf, idData } from '../../../core/diffusion/layout-tensors.ts';
import { layoutNetworks } from '../../../core/diffusion/layout-networks.ts';
import { selfCheck } from '../../../core/diffusion/self-check.ts';
import { calibratedRuntime } from '../../../core/diffusion/vae-calibration.ts';
import { createSession, readData, tensorOf, useOneWasmThread, type Provider } from './ort-session.ts';
import { checkedSet } from './self-check-store.ts';
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

/** A failed download of one of these files, said as the AI models' failure and naming the file. */
function aiModelError(error: unknown, model: string): unknown {
  if (!(error instanceof StickerError) || (error.code !== 'MODEL_DOWNLOAD_FAILED' && error.code !== 'MODEL_INTEGRITY')) return error;
  return new StickerError(error.code, error.message, { stage: 'redraw', reason: 'ai-models', model });
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
    ).catch((error: unknown) => {
      throw aiModelError(error, entry.id);
    });
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
  // Only `last_hidden_state` passes the layout check below, so it can be named before the layout is read.
  const textEncoder = await createSession(file(variant.files.textEncoder), {
    provider,
    dimensions: { batch: 1, sequence: set.sequenceLength },
    gpuOutputs: ['last_hidden_state'],
  });
  const sessions = {
    vaeEncoder: await createSession(file(variant.files.vaeEncoder), { provider, dimensions: { batch: 1, height: set.imageSize, width: set.imageSize } }),
    vaeDecoder: await createSession(file(variant.files.vaeDecoder), { provider, dimensions: { batch: 1, latent_height: latent, latent_width: latent } }),
    unet: await createSession(file(variant.files.unet), {
      provider,
      dimensions: { batch: 1, height: latent, width: latent, sequence: set.sequenceLength },
    }),
  };
  files.clear(); // the sessions hold their own copies
  // A refused set gives its GPU memory back; its files stay stored.
  const release = () => Promise.all([textEncoder, ...Object.values(sessions)].map((s) => s.release().catch(() => undefined)));
  let layout: DiffusionLayout;
  try {
    layout = {
      textEncoder: readPartLayout('textEncoder', variant.files.textEncoder, signatureOf(textEncoder)),
      unet: readPartLayout('unet', variant.files.unet, signatureOf(sessions.unet)),
      vaeEncoder: readPartLayout('vaeEncoder', variant.files.vaeEncoder, signatureOf(sessions.vaeEncoder)),
      vaeDecoder: readPartLayout('vaeDecoder', variant.files.vaeDecoder, signatureOf(sessions.vaeDecoder)),
    };
  } catch (error) {
    await release();
    throw error;
  }
  // The prompt's states stay on the GPU from the text encoder to the UNet when both take the same dtype.
  const textOnGpu = provider === 'webgpu' && layout.textEncoder.hidden.type === layout.unet.text.type;

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
  const textTensor = (floats: Float32Array): Tensor => tensorOf(floatData(floats, layout.unet.text.type, hiddenDims(floats)));

  /** Handles stay opaque to core; the tensor behind each is looked up here. */
  const tensors = new WeakMap<PromptEmbedding, Tensor>();
  const handle = (tensor: Tensor, release: () => void): PromptEmbedding => {
    const embedding = { release };
    tensors.set(embedding, tensor);
    return embedding;
  };
  const tensorOfEmbedding = (embedding: PromptEmbedding): Tensor => {
    const tensor = tensors.get(embedding);
    if (tensor === undefined) throw new Error('prompt embedding from another session');
    return tensor;
  };

  async function embed(prompt: string): Promise<PromptEmbedding> {
    const cached = await cachedQuery(scope, prompt);
    if (cached !== undefined) return handle(textTensor(cached), () => undefined);
    const { ids, hidden } = layout.textEncoder;
    const { tensor, floats } = await inTurn(async () => {
      const out = (await textEncoder.run({ [ids.name]: tensorOf(idData(tokenize(prompt), ids.type)) }))[hidden.name];
      if (out === undefined) throw new Error(`text encoder returned no ${hidden.name}`);
      const kept = gpu.keep(out);
      const states = floatsOf(await readData(kept), hidden.name).slice();
      if (kept.location === 'gpu-buffer' && !textOnGpu) gpu.dispose(kept);
      return { tensor: textOnGpu ? kept : textTensor(states), floats: states };
    });
    await storeQuery(scope, prompt, floats);
    return handle(tensor, () => gpu.dispose(tensor));
  }

  const raw = layoutNetworks<Tensor, PromptEmbedding>(set, layout, {
    tensor: tensorOf,
    textTensor: tensorOfEmbedding,
    run: (part, feeds, output) =>
      inTurn(async () => {
        const out = (await sessions[part].run(feeds))[output];
        if (out === undefined) throw new Error(`${variant.files[part]} returned no ${output}`);
        return floatsOf(await readData(out), output);
      }),
  });
  const check = await checkedSet(set, variant, async () => {
    const text = await embed(redrawPrompt(null, ''));
    try {
      return await selfCheck(raw, text, set, variant.files);
    } finally {
      text.release();
    }
  }).catch(async (error: unknown) => {
    await release();
    throw error;
  });

  // Encoded in the background one at a time, so a job queues behind one at most; a failure only
  // costs that prompt's first use.
  const precomputed = (async () => {
    for (const expression of EXPRESSIONS) (await embed(redrawPrompt(expression, ''))).release();
  })().catch(() => undefined);

  return {
    embed,
    runtime: calibratedRuntime(raw, check.calibration),
    info: { set: set.id, test: set.test, provider, dtype: variant.dtype, loadMs: performance.now() - began },
    liveGpuTensors: () => gpu.count,
    idle: async () => {
      await precomputed;
      await free;
    },
  };
}
