// One redraw job: the upload decoded and squared, the words made into the English prompt as the app
// makes it, core's runRedraw on the Node networks, the PNG stored. Events are the worker's own
// stage and progress shapes. A cancelled job stops before its next stage or model run.

import { encode as encodePng } from 'fast-png';
import { StickerError, errorMessage } from '../src/core/errors.ts';
import { redrawPrompt } from '../src/core/diffusion/prompt.ts';
import { planarToRgba, rgbaToPlanar } from '../src/core/diffusion/image-tensor.ts';
import { runRedraw } from '../src/core/diffusion/redraw.ts';
import { understand } from '../src/core/expression/understand.ts';
import { expressionById } from '../src/core/expression/expression-by-id.ts';
import type { StageName } from '../src/core/stage-names.ts';
import type { NodeDiffusion } from './diffusion/node-diffusion.ts';
import { newId } from './ids.ts';
import { decodeSquare } from './image/square.ts';
import type { Work } from './queue/jobs.ts';
import { ResultCache } from './result-cache.ts';
import type { Storage } from './storage.ts';

export interface RedrawDeps {
  storage: Storage;
  cache: ResultCache;
  diffusion: () => Promise<NodeDiffusion<string>>;
  models: string;
  maxPixels: number;
}

/** The app's prompt: its chosen expression when it sent one, else the words' best guess, as the app would make it. */
export function serverPrompt(words: string, expressionId?: string): string {
  if (expressionId !== undefined) return redrawPrompt(expressionById(expressionId), words);
  const understood = understand(words);
  return redrawPrompt(understood.kind === 'understood' ? understood.expression : null, words);
}

export const resultUrl = (id: string): string => `/api/download/${id}`;

/** The upload's bytes are read when the job runs, so a long queue holds no images in memory. */
export function redrawWork(deps: RedrawDeps): Work {
  return async (jobId, { upload, request }, emit, signal) => {
    const key = ResultCache.key(upload.sha256, request, deps.models);
    const cached = await deps.cache.get(key);
    if (cached !== undefined) return { resultUrl: resultUrl(cached), cached: true };
    const stage = async <T>(name: StageName, backend: string, work: () => Promise<T> | T): Promise<T> => {
      if (signal.aborted) throw new StickerError('ABORTED', 'cancelled', { stage: name });
      const began = performance.now();
      emit({ type: 'stage', jobId, stage: name, phase: 'start', backend });
      const out = await Promise.resolve()
        .then(work)
        .catch((error: unknown) => {
          throw error instanceof StickerError ? error : new StickerError('INTERNAL', errorMessage(error), { stage: name });
        });
      emit({ type: 'stage', jobId, stage: name, phase: 'end', backend, ms: performance.now() - began });
      return out;
    };

    const diffusion = await stage('load-models', 'onnxruntime-node', deps.diffusion);
    const backend = `onnxruntime-node-${diffusion.provider}`;
    const size = diffusion.set.imageSize;
    const square = await stage('decode', 'sharp', async () => {
      const bytes = await deps.storage.uploadBytes(upload.id);
      if (bytes === null) throw new StickerError('NOT_FOUND', 'the upload expired before its job ran', { stage: 'decode' });
      return decodeSquare({ bytes, format: upload.format, orientation: upload.orientation, maxPixels: deps.maxPixels, size });
    });
    const pixels = await stage('redraw', backend, async () => {
      const text = await diffusion.embed(serverPrompt(request.prompt, request.expression));
      return runRedraw(diffusion.runtime, text, rgbaToPlanar(square, size), request, {
        signal,
        onProgress: (done, total) => emit({ type: 'progress', jobId, stage: 'redraw', done, total }),
      });
    });
    const png = await stage('encode', 'fast-png', () => encodePng({ width: size, height: size, data: planarToRgba(pixels, size), channels: 4, depth: 8 }));
    const id = newId();
    await deps.storage.putResult(id, png);
    await deps.cache.set(key, id);
    return { resultUrl: resultUrl(id), cached: false };
  };
}
