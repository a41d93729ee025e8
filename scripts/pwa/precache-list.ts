// What the service worker precaches: the built app shell (HTML, JS, CSS, fonts, icons, manifest)
// and the runtime wasm (MediaPipe's under mediapipe/, onnxruntime-web's under assets/). Never
// anything under models/: weights are downloaded on demand and kept in IndexedDB, and caching them
// twice would double what the app takes from the device.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface PrecacheEntry {
  /** Relative to the service worker, so the list holds under any base path. */
  url: string;
  revision: string;
}

const SHELL = /\.(?:html|m?js|css|wasm|woff2?|svg|png|webmanifest)$/u;
/** models/: weights (IndexedDB); screenshots/: only the install dialog shows them; sw.js: itself. */
const NEVER = [/^models\//u, /^screenshots\//u, /^sw\.js$/u, /\.map$/u];

export function precacheList(outDir: string): PrecacheEntry[] {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  return files
    .filter((file) => SHELL.test(file) && !NEVER.some((rule) => rule.test(file)))
    .sort()
    .map((url) => ({ url, revision: createHash('sha256').update(readFileSync(path.join(outDir, url))).digest('hex').slice(0, 16) }));
}
