// The person segmenter in a worker of its own. The page starts it when the sticker worker asks
// (src/engine/worker-engine.ts) and hands it one end of a channel, whose other end the sticker worker
// holds (src/platform/browser/vision/segmenter-client.ts): while the sticker worker finds the face,
// this one finds the person, on another core. Same network rules as the sticker worker.

/// <reference lib="webworker" />
import { createSegmenterTask } from '../src/platform/browser/vision/person-segmenter.ts';
import type { SegmenterCommand, SegmenterReply } from '../src/platform/browser/vision/segmenter-messages.ts';
import { allowedOrigins, restrictFetch } from '../src/platform/browser/network-policy.ts';
import { useVisionRuntime } from '../src/platform/browser/vision/mediapipe-vision.ts';

declare const self: DedicatedWorkerGlobalScope;

let task: ReturnType<typeof createSegmenterTask> | undefined;

/** The sticker worker's end of the channel: every command comes from it and every reply goes to it. */
let peer: MessagePort | undefined;

function post(reply: SegmenterReply, transfer: Transferable[] = []): void {
  peer?.postMessage(reply, transfer);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function receive({ data }: MessageEvent<SegmenterCommand>): Promise<void> {
  if (data.type === 'init') {
    restrictFetch(allowedOrigins(data.assetBase, self.location.href), (url) => post({ type: 'blocked', url }));
    useVisionRuntime(data.runtime);
    task = createSegmenterTask(data.model, data.assetBase, data.delegate);
    task.then(
      (made) => post({ type: 'ready', delegate: made.delegate }),
      (error: unknown) => post({ type: 'failed', id: null, message: message(error) }),
    );
    return;
  }
  try {
    if (task === undefined) throw new Error('segment before init');
    const mask = (await task).segment(data.input);
    post({ type: 'mask', id: data.id, mask }, [mask.data.buffer]);
  } catch (error) {
    post({ type: 'failed', id: data.id, message: message(error) });
  } finally {
    data.input.close();
  }
}

self.onmessage = ({ data, ports }: MessageEvent<{ type?: unknown } | null>) => {
  if (data?.type !== 'port' || ports[0] === undefined) return;
  peer = ports[0];
  peer.onmessage = receive;
};
