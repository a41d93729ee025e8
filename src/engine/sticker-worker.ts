// The sticker worker, started as the page opens (main.tsx) rather than once the UI's code has
// arrived and rendered: its first act is to ask for MediaPipe's runtime, which every first sticker
// waits for, so on a phone's link that download starts a few tenths of a second sooner.

const spawn = () => new Worker(new URL('../../workers/sticker.worker.ts', import.meta.url), { type: 'module', name: 'sticker' });

/** The early worker, and its error's message if it failed before the engine took it. */
type Early = { worker: Worker; failed: string | null };

let started: Early | undefined;

export function startStickerWorker(): void {
  if (started !== undefined) return;
  const early: Early = { worker: spawn(), failed: null };
  // Its failure may come before the engine takes it and listens (its code refused while the UI's
  // still downloads): kept here, and raised again for the engine once it has taken the worker.
  early.worker.addEventListener('error', (event) => {
    early.failed ??= event.message || 'the worker failed to start';
  });
  started = early;
}

/** The worker started early, once; a new one after that (a crashed or hung worker's replacement). */
export function takeStickerWorker(): Worker {
  const early = started;
  started = undefined;
  if (early === undefined) return spawn();
  const { worker, failed } = early;
  // After the taker has set its handlers (it does so as it takes the worker).
  if (failed !== null) queueMicrotask(() => worker.dispatchEvent(new ErrorEvent('error', { message: failed })));
  return worker;
}
