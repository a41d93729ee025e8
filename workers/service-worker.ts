// The service worker: serves the app from its caches, so the app opens and works with no network.
// It installs with the app shell only (HTML, entry script, CSS, icons), so a first visit is not
// slowed by caching what it has not used yet. The page asks for the rest once it has used it: the
// sticker group after the first sticker (then mostly a copy out of the browser's HTTP cache), the AI
// group after the AI redraw or the text encoder ran (scripts/pwa/precache-list.ts). Model weights
// are never cached here: they live in IndexedDB (the model store). Every request it has no file for
// goes to the network untouched, so the workers' network policy and the model downloads' Range
// requests behave as without it.

import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { KEPT_MARKER, OFFLINE_GROUPS, isCacheGroupRequest, offlineCacheName, type CacheGroupReply, type OfflineGroup } from '../src/core/offline-groups.ts';

declare const self: ServiceWorkerGlobalScope;
/** The build's file lists, written in by scripts/pwa/service-worker-plugin.ts. */
declare const __PRECACHE_SHELL__: PrecacheEntry[];
declare const __PRECACHE_GROUPS__: Record<OfflineGroup, string[]>;

// The first install takes the open page at once, so the first visit already works offline; an
// update waits until the page says the user agreed (workbox-window's SKIP_WAITING message).
clientsClaim();
cleanupOutdatedCaches();
// Query strings (?face=cpu, ?embed=1, …) pick options, not files: any of them opens the cached page.
precacheAndRoute(__PRECACHE_SHELL__, { ignoreURLParametersMatching: [/.*/u] });

/**
 * Every file in a group is named by its content, so a cached copy never goes stale, and it fits every
 * request for it: ignoreVary, or a font's CORS request (it sends Origin; the server says Vary: Origin)
 * would miss the copy a plain fetch stored.
 */
const matchOptions = { ignoreVary: true };
const groups = OFFLINE_GROUPS.map((name) => ({
  name,
  cacheName: offlineCacheName(name),
  marker: new URL(KEPT_MARKER, self.registration.scope).href,
  urls: new Set(__PRECACHE_GROUPS__[name].map((url) => new URL(url, self.registration.scope).href)),
  strategy: new CacheFirst({ cacheName: offlineCacheName(name), matchOptions }),
}));
type Group = (typeof groups)[number];

// A sticker file the page fetches is kept as it passes. onnxruntime-web's 27 MB are served from the
// cache once kept, but never kept in passing: only once the AI or the text encoder has run.
for (const group of groups) {
  const handler =
    group.name === 'ai'
      ? async ({ request }: { request: Request }) => (await caches.match(request, { cacheName: group.cacheName, ...matchOptions })) ?? fetch(request)
      : group.strategy;
  registerRoute(({ url }) => group.urls.has(url.href), handler);
}

async function wasKept(group: Group): Promise<boolean> {
  return (await caches.has(group.cacheName)) && (await (await caches.open(group.cacheName)).match(group.marker)) !== undefined;
}

/** Caches every file of the group not cached yet (a hit in the HTTP cache costs no network), then marks it kept. */
async function keep(group: Group, event: ExtendableEvent): Promise<boolean> {
  const results = await Promise.allSettled(
    [...group.urls].map(async (url) => {
      const [response, done] = group.strategy.handleAll({ request: new Request(url), event });
      const { ok, status } = await response;
      await done;
      if (!ok) throw new Error(`${url}: HTTP ${status}`);
    }),
  );
  const ok = results.every((r) => r.status === 'fulfilled');
  if (ok) await (await caches.open(group.cacheName)).put(group.marker, new Response(''));
  return ok;
}

// An update keeps what the version before it kept, before it takes over.
self.addEventListener('install', (event) => {
  event.waitUntil(Promise.all(groups.map(async (group) => (await wasKept(group)) && keep(group, event))));
});

// Files of older versions are dropped once this version is in charge.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    Promise.all(
      groups.map(async (group) => {
        const cache = await caches.open(group.cacheName);
        for (const request of await cache.keys()) if (!group.urls.has(request.url) && request.url !== group.marker) await cache.delete(request);
      }),
    ),
  );
});

self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  const group = isCacheGroupRequest(data) ? groups.find((g) => g.name === data.group) : undefined;
  if (group !== undefined) {
    const reply = keep(group, event).then((ok) => event.ports[0]?.postMessage({ group: group.name, ok } satisfies CacheGroupReply));
    event.waitUntil(reply);
    return;
  }
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') void self.skipWaiting();
});
