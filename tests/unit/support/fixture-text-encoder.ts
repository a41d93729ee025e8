// The repository's fixture text encoder run in Node, through transformers.js and onnxruntime-node:
// the same tokenizer files and ONNX graph the browser worker runs, read from disk and checked
// against the manifest like the app checks them.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoTokenizer, CLIPTextModelWithProjection, PretrainedConfig, env, type Tensor } from '@huggingface/transformers';
import { modelEntry } from '../../../src/core/models/manifest.ts';
import { TEXT_ENCODERS } from '../../../src/core/models/text-encoders.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sharedModels = process.env.BIAOQING_MODELS_DIR ?? path.resolve(root, '../shared/models');
const spec = TEXT_ENCODERS['clip-text-fixture'];
const FOLDER = '/fixture-text-encoder/';


function checkedBytes(id: string): Uint8Array {
  const entry = modelEntry(id);
  const file = path.join(entry.source === 'repo' ? path.join(root, 'models') : sharedModels, entry.file);
  const bytes = readFileSync(file);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== entry.sha256) throw new Error(`${file}: SHA-256 ${sha}, manifest says ${entry.sha256}`);
  return new Uint8Array(bytes);
}

export async function loadFixtureTextEncoder(): Promise<(texts: readonly string[]) => Promise<Float32Array[]>> {
  const files = Object.entries(spec.files).map(([file, id]) => ({ suffix: `/${file}`, bytes: checkedBytes(id) }));
  env.allowRemoteModels = false;
  env.localModelPath = FOLDER;
  env.useFSCache = false;
  env.useCustomCache = true;
  env.customCache = {
    // Asked by local path first, and in Node by the would-be remote URL too.
    match: async (request: string) => {
      const file = files.find((f) => request.endsWith(f.suffix));
      return file === undefined ? undefined : new Response(file.bytes.slice());
    },
    put: async () => undefined,
  };
  const tokenizer = await AutoTokenizer.from_pretrained(spec.id);
  const model = await CLIPTextModelWithProjection.from_pretrained(spec.id, { config: new PretrainedConfig(spec.config), device: 'cpu', dtype: spec.dtype });
  return async (texts) => {
    const { text_embeds } = (await model(tokenizer([...texts], { padding: true, truncation: true }))) as { text_embeds: Tensor };
    const [count = 0, size = 0] = text_embeds.dims;
    const data = text_embeds.data as Float32Array;
    return Array.from({ length: count }, (_, i) => data.slice(i * size, (i + 1) * size));
  };
}
