// The sticker worker's entry: it only keeps the messages that arrive while the worker's code loads,
// then hands them to sticker-worker-main.ts. The entry module holds nothing else because WebKit
// (Safari, every iOS browser) evaluates a worker's entry module a second time when a lazy chunk
// imports from it (the AI redraw's chunk would), and the second copy's message handler has no init.

/// <reference lib="webworker" />
export {};
declare const self: DedicatedWorkerGlobalScope;

const early: MessageEvent<unknown>[] = [];
self.onmessage = (message) => early.push(message);
void import('./sticker-worker-main.ts').then(({ start }) => start(early));
