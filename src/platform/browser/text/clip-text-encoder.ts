// A CLIP text encoder (CLIP's text tower, or Chinese-CLIP's two-tower graph) through
// transformers.js, fed only bytes the model store has checked against the manifest: transformers.js
// reads its model folder from a custom cache holding exactly those files, may fetch nothing remote,
// and runs onnxruntime-web's wasm from the app's own origin.

import { AutoTokenizer, CLIPTextModelWithProjection, PretrainedConfig, env, type Tensor } from '@huggingface/transformers';
import { derivedIfOriginal } from '../../transformers/bert-tokenizer-files.ts';
import { modelEntry } from '../../../core/models/manifest.ts';
import type { TextEncoderSpec } from '../../../core/models/text-encoders.ts';
import type { DownloadProgress } from '../../../core/platform.ts';
import { loadModelBytes } from '../models/model-store.ts';
import { serveVerifiedFiles } from '../../transformers/verified-files.ts';
import { loadChineseClipText, type TextTower } from './chinese-clip-text.ts';

export type TextDevice = 'webgpu' | 'wasm';

/** 'cpu' is onnxruntime-node: the unit tests run this same code in Node. */
export interface LoadedTextEncoder<D extends TextDevice | 'cpu' = TextDevice> {
  device: D;
  /** One embedding per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

export async function loadTextEncoderFiles(
  spec: TextEncoderSpec,
  assetBase: string,
  onProgress: (p: DownloadProgress) => void,
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const [path, id] of Object.entries(spec.files)) {
    const entry = modelEntry(id);
    files.set(path, derivedIfOriginal(entry, new Uint8Array(await loadModelBytes(entry, assetBase, onProgress))));
  }
  return files;
}

async function loadTextTower(spec: TextEncoderSpec, device: TextDevice | 'cpu'): Promise<TextTower> {
  if (spec.config.model_type === 'chinese_clip') return loadChineseClipText({ ...spec, config: spec.config }, device);
  const model = await CLIPTextModelWithProjection.from_pretrained(spec.id, { config: new PretrainedConfig(spec.config), device, dtype: spec.dtype });
  return {
    run: async (inputs) => ((await model(inputs)) as { text_embeds: Tensor }).text_embeds,
    dispose: () => model.dispose(),
  };
}

function rows(tensor: Tensor): Float32Array[] {
  const [count, size] = tensor.dims;
  if (count === undefined || size === undefined) throw new Error(`text_embeds has shape [${tensor.dims.join(', ')}]`);
  const data = tensor.data as Float32Array;
  return Array.from({ length: count }, (_, i) => data.slice(i * size, (i + 1) * size));
}

export async function createTextEncoder<D extends TextDevice | 'cpu'>(
  spec: TextEncoderSpec,
  files: ReadonlyMap<string, Uint8Array>,
  device: D,
  options: { singleThreadWasm?: boolean } = {},
): Promise<LoadedTextEncoder<D>> {
  serveVerifiedFiles(files);
  // WeChat's browser is assumed to have no wasm threads: one, whatever headers the page has.
  const wasm = env.backends.onnx.wasm;
  if (options.singleThreadWasm === true && wasm !== undefined) wasm.numThreads = 1;
  const tokenizer = await AutoTokenizer.from_pretrained(spec.id);
  const tower = await loadTextTower(spec, device);
  return {
    device,
    async embed(texts) {
      // All texts in one call: Chinese-CLIP pays for its image tower once per call.
      const inputs = tokenizer([...texts], { padding: true, truncation: true }) as Record<string, Tensor>;
      return rows(await tower.run(inputs));
    },
    async dispose() {
      await tower.dispose();
    },
  };
}
