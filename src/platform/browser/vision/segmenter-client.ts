// The person segmenter in its own worker (workers/segmenter.worker.ts), seen from the sticker
// worker as a LoadedSegmenter: the mask of a photo is worked out on another core while this one
// finds the face, and the face's person is kept there (personNearFace) while this one warps it.
// The page starts that worker when this one asks, and the two talk over a channel: a worker
// started by a worker is sometimes frozen, with its parent, in Firefox under WebDriver BiDi.

import type { FloatMask } from '../../../core/image/float-mask.ts';
import type { FaceDelegatePreference } from '../../../core/runtime-preferences.ts';
import type { SegmenterCommand, SegmenterReply } from './segmenter-messages.ts';
import { segmenterInput, type LoadedSegmenter } from './person-segmenter.ts';

/** The segmenter's worker as the page started it for this one (sticker-worker-main.ts asks). */
export interface SegmenterLink {
  /** This worker's end of the channel to it, once the page has started it. */
  port: Promise<MessagePort>;
  /** Called with the page's words when that worker did not run or failed. */
  onFailed: (message: string) => void;
  /** Asks the page to stop that worker. */
  close(): void;
}

/**
 * From its files handed over to its task made: instantiating the compiled runtime and building the
 * graph take well under a second on a phone. A worker that says nothing for this long is not coming
 * (or a channel that never came), and the caller segments itself.
 */
const SEGMENTER_START_LIMIT_MS = 20_000;

/**
 * From a photo's face handed over to its person coming back: the mask was being worked out while
 * the face was found, and keeping the face's person takes milliseconds. A worker silent this long
 * is gone (one went quiet in a CI run of WebKit, and the sticker waited at the cutout for
 * good); the sticker is cut along the face oval instead, and the next one starts a new worker.
 */
const SEGMENTER_REPLY_LIMIT_MS = 10_000;

/**
 * `link`: the segmenter's worker, asked for as the segmenter is first needed so that its script loads
 * while the model and MediaPipe's runtime still download; they are handed over when they are here.
 * Resolves once the task is made there, and rejects if it is not made within SEGMENTER_START_LIMIT_MS of
 * that, or the page says the worker failed.
 * `onBlocked`: a request that worker refused (the same rules as this one's).
 */
export function segmentInWorker(
  link: SegmenterLink,
  files: Promise<{ model: ArrayBuffer; runtime: WebAssembly.Module }>,
  assetBase: string,
  delegate: FaceDelegatePreference,
  onBlocked: (url: string) => void,
): Promise<LoadedSegmenter> {
  const waiting = new Map<number, { resolve: (person: FloatMask | null) => void; reject: (error: Error) => void; limit?: ReturnType<typeof setTimeout> }>();
  let next = 0;
  /** Set once the worker has failed: it is gone, and every later request fails at once. */
  let broken: Error | null = null;
  let port: MessagePort | undefined;
  const send = (command: SegmenterCommand, transfer: Transferable[] = []) => port?.postMessage(command, transfer);
  let startLimit: ReturnType<typeof setTimeout> | undefined;
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      if (broken !== null) return;
      clearTimeout(startLimit);
      broken = error;
      reject(error);
      for (const job of waiting.values()) {
        clearTimeout(job.limit);
        job.reject(error);
      }
      waiting.clear();
      port?.close();
      link.close();
    };
    link.onFailed = (message) => fail(new Error(message));
    /** The job answered for: no longer waited on, its limit off. */
    const settle = (id: number) => {
      const job = waiting.get(id);
      clearTimeout(job?.limit);
      waiting.delete(id);
      return job;
    };
    const receive = ({ data }: MessageEvent<SegmenterReply>) => {
      if (data.type === 'blocked') onBlocked(data.url);
      else if (data.type === 'ready') {
        clearTimeout(startLimit);
        resolve({
          delegate: data.delegate,
          async segment(image, oval) {
            if (broken !== null) throw broken;
            const { input, scale } = segmenterInput(image);
            const id = next++;
            const person = new Promise<FloatMask | null>((done, failed) => waiting.set(id, { resolve: done, reject: failed }));
            send({ type: 'segment', id, input, scale }, [input]);
            oval.then(
              (points) => {
                send({ type: 'near', id, oval: points });
                const job = waiting.get(id);
                if (job !== undefined)
                  job.limit = setTimeout(
                    () => fail(new Error(`no answer for ${SEGMENTER_REPLY_LIMIT_MS / 1000} s after the face was found`)),
                    SEGMENTER_REPLY_LIMIT_MS,
                  );
              },
              () => {
                // No face: nobody to keep (the job fails on the face, not here).
                send({ type: 'drop', id });
                settle(id)?.resolve(null);
              },
            );
            return person;
          },
        });
      } else if (data.type === 'person') {
        settle(data.id)?.resolve(data.person);
      } else if (data.id === null) {
        fail(new Error(data.message));
      } else {
        settle(data.id)?.reject(new Error(data.message));
      }
    };
    const failWith = (error: unknown) => fail(error instanceof Error ? error : new Error(String(error)));
    link.port.catch(failWith);
    files.then(({ model, runtime }) => {
      if (broken !== null) return;
      startLimit = setTimeout(() => fail(new Error(`no word from it for ${SEGMENTER_START_LIMIT_MS / 1000} s`)), SEGMENTER_START_LIMIT_MS);
      link.port.then(
        (opened) => {
          if (broken !== null) return;
          port = opened;
          port.onmessage = receive;
          send({ type: 'init', model, runtime, assetBase, delegate }, [model]);
        },
        () => undefined, // failed above
      );
    }, failWith);
  });
}
