// The person segmenter in a worker of its own. The page starts it when the sticker worker asks
// (src/engine/worker-engine.ts) and hands it one end of a channel, whose other end the sticker worker
// holds (src/platform/browser/vision/segmenter-client.ts): while the sticker worker finds the face,
// this one finds the person, on another core, and keeps only the face's person (personNearFace)
// while the sticker worker warps the face. Same network rules as the sticker worker.

/// <reference lib="webworker" />
import { createSegmenterTask } from '../src/platform/browser/vision/person-segmenter.ts';
import { personNearFace } from '../src/core/face/person-cutout.ts';
import type { FloatMask } from '../src/core/image/float-mask.ts';
import type { SegmenterCommand, SegmenterReply } from '../src/platform/browser/vision/segmenter-messages.ts';
import { allowedOrigins, restrictFetch } from '../src/platform/browser/network-policy.ts';
import { useVisionRuntime } from '../src/platform/browser/vision/mediapipe-vision.ts';
import { errorMessage } from '../src/core/errors.ts';

declare const self: DedicatedWorkerGlobalScope;

let task: ReturnType<typeof createSegmenterTask> | undefined;

/** Each photo's mask, from its segment command until its face's oval (or its drop) comes. */
const masks = new Map<number, Promise<FloatMask>>();

/** The sticker worker's end of the channel: every command comes from it and every reply goes to it. */
let peer: MessagePort | undefined;

function post(reply: SegmenterReply, transfer: Transferable[] = []): void {
  peer?.postMessage(reply, transfer);
}

function receive({ data }: MessageEvent<SegmenterCommand>): void {
  if (data.type === 'init') {
    restrictFetch(allowedOrigins(data.assetBase, self.location.href), (url) => post({ type: 'blocked', url }));
    useVisionRuntime(data.runtime);
    task = createSegmenterTask(data.model, data.assetBase, data.delegate);
    task.then(
      (made) => post({ type: 'ready', delegate: made.delegate }),
      (error: unknown) => post({ type: 'failed', id: null, message: errorMessage(error) }),
    );
    return;
  }
  const { id } = data;
  if (data.type === 'segment') {
    const { input, scale } = data;
    const mask = (async () => {
      if (task === undefined) throw new Error('segment before init');
      const found = (await task).segment(input);
      return scale === 1 ? found : { ...found, scale };
    })();
    mask
      .finally(() => input.close())
      .catch((error: unknown) => {
        masks.delete(id);
        post({ type: 'failed', id, message: errorMessage(error) });
      });
    masks.set(id, mask);
    return;
  }
  const mask = masks.get(id);
  masks.delete(id);
  if (data.type === 'drop' || mask === undefined) return;
  const oval = data.oval;
  mask.then(
    (found) => {
      try {
        const person = personNearFace(found, oval);
        post({ type: 'person', id, person }, person === null ? [] : [person.data.buffer]);
      } catch (error) {
        post({ type: 'failed', id, message: errorMessage(error) });
      }
    },
    () => undefined, // said when it failed
  );
}

self.onmessage = ({ data, ports }: MessageEvent<{ type?: unknown } | null>) => {
  if (data?.type !== 'port' || ports[0] === undefined) return;
  peer = ports[0];
  peer.onmessage = receive;
};
