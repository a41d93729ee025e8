// The text-encoder worker: loads a CLIP text encoder on first need and ranks the expressions for
// free text by embedding similarity. Must not import UI code (src/app) or engine code (src/engine).

/// <reference lib="webworker" />
import { toErrorInfo, errorMessage } from '../src/core/errors.ts';
import { expressionAnchors } from '../src/core/expression/anchors.ts';
import { rankExpressions, type AnchorEmbedding } from '../src/core/expression/embedding-match.ts';
import { modelEntry } from '../src/core/models/manifest.ts';
import { TEXT_ENCODERS, type TextEncoderSpec } from '../src/core/models/text-encoders.ts';
import { parseTextCommand, type TextCommand, type TextEvent, type TextInitOptions } from '../src/core/text-protocol.ts';
import { createTextEncoder, loadTextEncoderFiles, type LoadedTextEncoder, type TextDevice } from '../src/platform/browser/text/clip-text-encoder.ts';
import { cachedEmbeddings, cachedQuery, embeddingScope, storeEmbeddings, storeQuery } from '../src/platform/browser/text/embedding-cache.ts';
import { probeWebGpu } from '../src/platform/browser/gpu/gpu-probe.ts';
import { availableWithoutDownload } from '../src/platform/browser/models/model-store.ts';
import { allowedOrigins, restrictFetch } from '../src/platform/browser/network-policy.ts';

declare const self: DedicatedWorkerGlobalScope;

interface Loaded {
  encoder: LoadedTextEncoder;
  anchors: AnchorEmbedding[];
  scope: string;
}

let options: TextInitOptions | undefined;
let loading: Promise<Loaded | null> | undefined;

function post(event: TextEvent): void {
  self.postMessage(event);
}

function specOf(init: TextInitOptions): TextEncoderSpec {
  return TEXT_ENCODERS[init.encoder];
}

/** The weights file decides whether cached vectors still hold. */
function weightsSha(spec: TextEncoderSpec): string {
  const onnx = Object.entries(spec.files).find(([path]) => path.endsWith('.onnx'));
  if (onnx === undefined) throw new Error(`${spec.id} names no .onnx file`);
  return modelEntry(onnx[1]).sha256;
}

async function bytesToDownload(init: TextInitOptions): Promise<number> {
  let bytes = 0;
  for (const id of Object.values(specOf(init).files)) {
    const entry = modelEntry(id);
    if (!(await availableWithoutDownload(entry, init.assetBase))) bytes += entry.bytes;
  }
  return bytes;
}

/**
 * WebGPU on a hardware adapter; a software adapter (SwiftShader) is slower than wasm, and on one
 * that reports no subgroup sizes (WebKit's) onnxruntime's WebGPU provider runs out of memory.
 */
async function autoDevice(): Promise<TextDevice> {
  const gpu = await probeWebGpu();
  return gpu.available && gpu.isFallbackAdapter !== true && gpu.subgroupSizes !== false ? 'webgpu' : 'wasm';
}

async function start(init: TextInitOptions): Promise<{ encoder: LoadedTextEncoder; note?: string }> {
  const spec = specOf(init);
  const files = await loadTextEncoderFiles(spec, init.assetBase, (p) => post({ type: 'download', ...p }));
  const device = init.device === 'auto' ? await autoDevice() : init.device;
  try {
    return { encoder: await createTextEncoder(spec, files, device, { singleThreadWasm: init.singleThreadWasm }) };
  } catch (error) {
    // Only a choice we made may be taken back; a pinned device fails loudly.
    if (device !== 'webgpu' || init.device !== 'auto') throw error;
    const reason = errorMessage(error);
    return {
      encoder: await createTextEncoder(spec, files, 'wasm', { singleThreadWasm: init.singleThreadWasm }),
      note: `WebGPU failed (${reason}); running on wasm`,
    };
  }
}

async function anchorTable(encoder: LoadedTextEncoder, scope: string): Promise<AnchorEmbedding[]> {
  const anchors = expressionAnchors();
  const texts = anchors.map((a) => a.text);
  const vectors = (await cachedEmbeddings(scope, texts)) ?? (await encoder.embed(texts));
  await storeEmbeddings(scope, texts, vectors);
  return anchors.map((a, i) => {
    const embedding = vectors[i];
    if (embedding === undefined) throw new Error('missing anchor embedding');
    return { expressionId: a.expressionId, embedding };
  });
}

async function load(init: TextInitOptions): Promise<Loaded | null> {
  const began = performance.now();
  post({ type: 'status', status: 'loading' });
  try {
    const { encoder, note } = await start(init);
    const scope = embeddingScope(init.encoder, weightsSha(specOf(init)));
    const anchors = await anchorTable(encoder, scope);
    const loadMs = performance.now() - began;
    post({ type: 'status', status: 'ready', device: encoder.device, loadMs, ...(note === undefined ? {} : { note }) });
    return { encoder, anchors, scope };
  } catch (error) {
    const info = toErrorInfo(error, 'understand');
    if (info.code === 'MODEL_DOWNLOAD_FAILED' || info.code === 'MODEL_INTEGRITY') info.reason = 'text-encoder';
    post({ type: 'status', status: 'failed', error: info });
    loading = undefined; // a later load may try again (back online, space freed)
    return null;
  }
}

async function rank(requestId: string, text: string): Promise<void> {
  const loaded = await loading;
  if (loaded === undefined || loaded === null) {
    post({ type: 'error', requestId, error: { code: 'INTERNAL', message: 'text encoder not loaded', retryable: true, stage: 'understand' } });
    return;
  }
  const began = performance.now();
  try {
    const cached = await cachedQuery(loaded.scope, text);
    const embedding = cached ?? (await loaded.encoder.embed([text]))[0];
    if (embedding === undefined) throw new Error('no embedding returned');
    if (cached === undefined) await storeQuery(loaded.scope, text, embedding);
    const ranking = rankExpressions(embedding, loaded.anchors);
    post({ type: 'ranked', requestId, ranking, ms: performance.now() - began, fromCache: cached !== undefined });
  } catch (error) {
    post({ type: 'error', requestId, error: toErrorInfo(error, 'understand') });
  }
}

async function handle(command: TextCommand): Promise<void> {
  switch (command.type) {
    case 'init': {
      options = command.options;
      // transformers.js is given every file through its cache hook; it has nowhere else to go.
      restrictFetch(allowedOrigins(options.assetBase, self.location.href), (url) => console.warn(`BiaoQing: refused a request to ${url}`));
      const bytes = await bytesToDownload(options);
      if (bytes === 0) loading = load(options);
      else post({ type: 'status', status: 'needs-download', bytes });
      return;
    }
    case 'load':
      if (options !== undefined) loading ??= load(options);
      return;
    case 'rank':
      await rank(command.requestId, command.text);
      return;
    case 'dispose': {
      const loaded = await loading;
      await loaded?.encoder.dispose();
      self.close();
      return;
    }
  }
}

self.onmessage = (message: MessageEvent<unknown>) => {
  const command = parseTextCommand(message.data);
  if (command === null) {
    post({ type: 'status', status: 'failed', error: { code: 'BAD_INPUT', message: 'malformed command', retryable: false } });
    return;
  }
  // A command that throws where it has no request to fail (init: the model store unreadable) is the worker failing.
  handle(command).catch((error: unknown) => self.reportError(error));
};
