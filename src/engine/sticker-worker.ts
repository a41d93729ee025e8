// The sticker worker, started as the page opens (main.tsx) rather than once the UI's code has
// arrived and rendered: its first act is to ask for MediaPipe's runtime, which every first sticker
// waits for, so on a phone's link that download starts a few tenths of a second sooner.

const spawn = () => new Worker(new URL('../../workers/sticker.worker.ts', import.meta.url), { type: 'module', name: 'sticker' });

let started: Worker | undefined;

export function startStickerWorker(): void {
  started ??= spawn();
}

/** The worker started early, once; a new one after that (a crashed or hung worker's replacement). */
export function takeStickerWorker(): Worker {
  const worker = started ?? spawn();
  started = undefined;
  return worker;
}
