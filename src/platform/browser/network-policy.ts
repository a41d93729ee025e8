// The workers may reach two kinds of place: where the app and its assets are served, and the public
// sources the model manifest names. Anything else is refused before it leaves the browser.
// MediaPipe's tasks runtime posts usage metrics to odml.pa.googleapis.com once a minute, with no
// documented switch (google-ai-edge/mediapipe#6306, where blocking it is said to be supported);
// our promise is that nothing but model files is ever fetched.

import { MODEL_MANIFEST } from '../../core/models/manifest.ts';

/** `hosts`: where this build's self-hosted weights live (the AI redraw's model base), if elsewhere. */
export function allowedOrigins(assetBase: string, here: string, hosts: readonly string[] = []): Set<string> {
  const sources = MODEL_MANIFEST.models.flatMap((m) => (m.url === null ? [] : [m.url]));
  return new Set([here, assetBase, ...hosts, ...sources].map((u) => new URL(u, here).origin));
}

/** The worker's own fetch, kept once so a second init replaces the policy instead of stacking it. */
const fetchAllowed = globalThis.fetch.bind(globalThis);

/** Replaces this worker's fetch with one that refuses other origins, telling `onBlocked` each time. */
export function restrictFetch(origins: ReadonlySet<string>, onBlocked: (url: string) => void): void {
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), globalThis.location.href);
    if (url.protocol === 'blob:' || url.protocol === 'data:' || origins.has(url.origin)) return fetchAllowed(input, init);
    onBlocked(url.href);
    return Promise.reject(new TypeError(`${url.origin} is neither this app nor a model source: not fetched`));
  };
}
