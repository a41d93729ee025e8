// The inference thread's entry (diffusion-thread.ts): loads the networks once and runs each call
// the main thread posts.

import { parentPort, workerData } from 'node:worker_threads';
import type { Tensor } from 'onnxruntime-node';
import type { DiffusionCall, DiffusionReply, DiffusionThreadData } from './diffusion-thread.ts';
import { loadNodeDiffusion, type NodeDiffusion } from './node-diffusion.ts';
import { errorMessage } from '../../src/core/errors.ts';

const port = parentPort;
if (port === null) throw new Error('diffusion-worker.ts runs as a worker thread');
const data = workerData as DiffusionThreadData;
const networks = loadNodeDiffusion(data.setId, data.sharedModelsDir);
// A rejected load is answered on the load call; this keeps it from also crashing the thread.
networks.catch(() => undefined);

function holdIfAsked(): void {
  const hold = data.hold;
  if (hold === undefined) return;
  while (Atomics.load(hold, 0) === 1) {
    Atomics.store(hold, 1, 1);
    Atomics.notify(hold, 1);
    Atomics.wait(hold, 0, 1);
  }
  Atomics.store(hold, 1, 0);
}

async function answer(d: NodeDiffusion<Tensor>, call: DiffusionCall): Promise<Omit<DiffusionReply, 'id'>> {
  if (call.op === 'load') return { loaded: { provider: d.provider, dtype: d.dtype, check: d.check } };
  holdIfAsked();
  if (call.op === 'embed') {
    await d.embed(call.prompt);
    return {};
  }
  // Copies: the outputs may be views on onnxruntime's own memory, and are moved, not cloned, to the main thread.
  if (call.op === 'encodeImage') return { data: (await d.runtime.encodeImage(call.pixels)).slice() };
  if (call.op === 'decode') return { data: (await d.runtime.decode(call.latents)).slice() };
  const text = await d.embed(call.prompt);
  return { data: (await d.runtime.predictNoise(call.sample, call.timestep, text)).slice() };
}

port.on('message', (call: DiffusionCall & { id: number }) => {
  void networks
    .then((d) => answer(d, call))
    .then(
      (reply) => port.postMessage({ ...reply, id: call.id }, reply.data === undefined ? [] : [reply.data.buffer as ArrayBuffer]),
      (error: unknown) => port.postMessage({ id: call.id, error: errorMessage(error) }),
    );
});
