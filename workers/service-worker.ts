// The service worker: serves the app shell and the runtime wasm the build lists (precache-list.ts)
// from its cache, so the app opens with no network. Model weights are never in that list: they
// live in IndexedDB (the model store). Every request it does not precache gets no answer from it
// and goes to the network untouched, so the workers' network policy and the model downloads'
// Range requests behave as without it.

import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';

declare const self: ServiceWorkerGlobalScope;
/** The build's file list with revisions, written in by scripts/pwa/service-worker-plugin.ts. */
declare const __PRECACHE_MANIFEST__: PrecacheEntry[];

// The first install takes the open page at once, so the first visit already works offline; an
// update waits until the page says the user agreed (workbox-window's SKIP_WAITING message).
clientsClaim();
cleanupOutdatedCaches();
// Query strings (?face=cpu, ?embed=1, …) pick options, not files: any of them opens the cached page.
precacheAndRoute(__PRECACHE_MANIFEST__, { ignoreURLParametersMatching: [/.*/u] });

self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') void self.skipWaiting();
});
