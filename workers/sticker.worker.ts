// The sticker worker's entry: it only keeps the messages that arrive while the worker's code loads,
// then hands them to sticker-worker-main.ts. The entry module holds nothing else because WebKit
// (Safari, every iOS browser) evaluates a worker's entry module a second time when a lazy chunk
// imports from it (the AI redraw's chunk would), and the second copy's message handler has no init.

/// <reference lib="webworker" />
export {};
declare const self: DedicatedWorkerGlobalScope;

const early: MessageEvent<unknown>[] = [];
self.onmessage = (message) => early.push(message);
// MediaPipe's runtime (2.7 MB compressed), which every sticker with a face needs first, is asked for
// now rather than once the worker's code has arrived (a round trip and 0.1 MB later): on a phone
// link it starts ~0.3 s sooner. Its name is MediaPipe's choice; the code checks it (askedEarly).
const runtimeDir = new URL(String(import.meta.env.VITE_MEDIAPIPE_DIR), new URL(import.meta.env.BASE_URL, self.location.href));
const runtime = fetch(`${runtimeDir.href}/vision_wasm_module_internal.wasm`).catch(() => null);
// A failed load is reported as the worker's own error (the page replaces the worker, in words), not
// left as a silent promise: a worker that only never answers costs the user the page's 90 s watchdog.
import('./sticker-worker-main.ts').then(
  ({ start }) => start(early, runtime),
  (error: unknown) => self.reportError(error),
);
