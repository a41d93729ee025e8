// The person segmenter in its own worker (workers/segmenter.worker.ts), seen from the sticker
// worker as a LoadedSegmenter: the mask of a photo is worked out on another core while this one
// finds the face. Only where a worker can start workers (not Safari before 15.5): canSegmentInWorker.

import type { FloatMask } from '../../../core/image/float-mask.ts';
import type { FaceDelegatePreference } from '../../../core/runtime-preferences.ts';
import type { SegmenterCommand, SegmenterReply } from './segmenter-messages.ts';
import { segmenterInput, type LoadedSegmenter } from './person-segmenter.ts';

export function canSegmentInWorker(): boolean {
  return typeof Worker === 'function';
}

/**
 * From its files handed over to its task made: instantiating the compiled runtime and building the
 * graph take well under a second on a phone. A worker that says nothing for this long is not coming
 * (seen once in Firefox under load: a nested worker that never ran), and the caller segments itself.
 */
const SEGMENTER_START_LIMIT_MS = 20_000;

/**
 * Starts the segmenter's worker at once, so its script loads while the model and MediaPipe's runtime
 * still download, and hands it them when they are here; resolves once the task is made there, and
 * rejects if it is not made within SEGMENTER_START_LIMIT_MS of that.
 * `onBlocked`: a request that worker refused (the same rules as this one's).
 */
export function segmentInWorker(
  files: Promise<{ model: ArrayBuffer; runtime: WebAssembly.Module }>,
  assetBase: string,
  delegate: FaceDelegatePreference,
  onBlocked: (url: string) => void,
): Promise<LoadedSegmenter> {
  const worker = new Worker(new URL('../../../../workers/segmenter.worker.ts', import.meta.url), { type: 'module', name: 'segmenter' });
  const waiting = new Map<number, { resolve: (mask: FloatMask) => void; reject: (error: Error) => void }>();
  let next = 0;
  /** Set once the worker has failed: it is gone, and every later request fails at once. */
  let broken: Error | null = null;
  const send = (command: SegmenterCommand, transfer: Transferable[] = []) => worker.postMessage(command, transfer);
  let startLimit: ReturnType<typeof setTimeout> | undefined;
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(startLimit);
      broken = error;
      reject(error);
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
      worker.terminate();
    };
    worker.onerror = (event) => {
      // Handled here: not passed on to this worker's own scope, where it would count as this one crashing.
      event.preventDefault();
      fail(new Error(event.message || 'its script did not run'));
    };
    worker.onmessage = ({ data }: MessageEvent<SegmenterReply>) => {
      if (data.type === 'blocked') onBlocked(data.url);
      else if (data.type === 'ready') {
        clearTimeout(startLimit);
        resolve({
          delegate: data.delegate,
          async segment(image) {
            if (broken !== null) throw broken;
            const { input, scale } = await segmenterInput(image);
            // The worker takes a picture of its own: the photo stays with the caller.
            const moved = input === image ? await createImageBitmap(image) : input;
            const id = next++;
            const mask = new Promise<FloatMask>((done, failed) => waiting.set(id, { resolve: done, reject: failed }));
            send({ type: 'segment', id, input: moved }, [moved]);
            const found = await mask;
            return scale === 1 ? found : { ...found, scale };
          },
        });
      } else if (data.type === 'mask') {
        waiting.get(data.id)?.resolve(data.mask);
        waiting.delete(data.id);
      } else if (data.id === null) {
        fail(new Error(data.message));
      } else {
        waiting.get(data.id)?.reject(new Error(data.message));
        waiting.delete(data.id);
      }
    };
    files.then(
      ({ model, runtime }) => {
        if (broken !== null) return;
        send({ type: 'init', model, runtime, assetBase, delegate }, [model]);
        startLimit = setTimeout(() => fail(new Error(`no word from it for ${SEGMENTER_START_LIMIT_MS / 1000} s`)), SEGMENTER_START_LIMIT_MS);
      },
      (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
    );
  });
}
