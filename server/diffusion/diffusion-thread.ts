// The networks in a worker thread: onnxruntime-node runs a network on the thread that calls it, so
// on the main thread a UNet step would stall every request, upload and SSE stream meanwhile (and,
// in a queue worker, the job lock's renewal). This side is a NodeDiffusion whose text is the prompt
// itself; the thread keeps the prompts' hidden states (diffusion-worker.ts).

import type { Worker } from 'node:worker_threads';
import { DIFFUSION_SETS, type DiffusionSetId } from '../../src/core/diffusion/model-sets.ts';
import { startTsWorker } from '../threads/ts-worker.ts';
import type { SelfCheckResult } from '../../src/core/diffusion/self-check.ts';
import type { NodeDiffusion } from './node-diffusion.ts';

export type DiffusionCall =
  | { op: 'load' }
  | { op: 'embed'; prompt: string }
  | { op: 'encodeImage'; pixels: Float32Array }
  | { op: 'predictNoise'; sample: Float32Array; timestep: number; prompt: string }
  | { op: 'decode'; latents: Float32Array };

export interface DiffusionReply {
  id: number;
  data?: Float32Array;
  loaded?: { provider: 'cuda' | 'cpu'; dtype: string; check: SelfCheckResult };
  error?: string;
}

export interface DiffusionThreadData {
  setId: DiffusionSetId;
  sharedModelsDir: string;
  /**
   * Tests only: while [0] is 1 the thread blocks before each network run, as a long run would, and
   * sets [1] to 1; the main thread must keep answering meanwhile.
   */
  hold?: Int32Array;
}

export interface ThreadedDiffusion extends NodeDiffusion<string> {
  close(): Promise<void>;
}

/** Starts the thread and loads the networks there; resolves once they are loaded. */
export async function loadThreadedDiffusion(data: DiffusionThreadData): Promise<ThreadedDiffusion> {
  const worker: Worker = startTsWorker(new URL('./diffusion-worker.ts', import.meta.url), data);
  worker.unref(); // a loaded model never keeps the process alive by itself
  const pending = new Map<number, { resolve: (reply: DiffusionReply) => void; reject: (error: Error) => void }>();
  let next = 0;
  let stopped: Error | null = null;
  const failAll = (error: Error): void => {
    stopped = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: DiffusionReply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (p === undefined) return;
    if (reply.error !== undefined) p.reject(new Error(reply.error));
    else p.resolve(reply);
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the inference thread stopped')));

  const call = (message: DiffusionCall): Promise<DiffusionReply> => {
    if (stopped !== null) return Promise.reject(stopped);
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  };
  const floats = async (message: DiffusionCall): Promise<Float32Array> => {
    const reply = await call(message);
    if (reply.data === undefined) throw new Error(`the inference thread returned nothing for ${message.op}`);
    return reply.data;
  };

  const loaded = (await call({ op: 'load' })).loaded;
  if (loaded === undefined) throw new Error('the inference thread did not load the networks');
  return {
    set: DIFFUSION_SETS[data.setId],
    provider: loaded.provider,
    dtype: loaded.dtype,
    check: loaded.check,
    async embed(prompt) {
      await call({ op: 'embed', prompt });
      return prompt;
    },
    runtime: {
      encodeImage: (pixels) => floats({ op: 'encodeImage', pixels }),
      predictNoise: (sample, timestep, prompt) => floats({ op: 'predictNoise', sample, timestep, prompt }),
      decode: (latents) => floats({ op: 'decode', latents }),
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
