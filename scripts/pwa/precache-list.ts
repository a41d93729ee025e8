// What the service worker keeps for offline use, in three groups, so a first visit fetches only
// what its first sticker needs:
// - shell: the page itself (HTML, manifest, icons, the entry script, the UI it imports, their static
//   imports and CSS),
//   precached when the service worker installs, as the page opens;
// - stickers: every other built file (the workers, MediaPipe's wasm, fonts, the emoji atlas),
//   cached after the first sticker, mostly from the browser's HTTP cache the sticker filled;
// - ai: onnxruntime-web's wasm, cached once the AI redraw or the text encoder has run.
// Never anything under models/: weights live in IndexedDB (the model store), and caching them twice
// would double what the app takes from the device.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface PrecacheEntry {
  /** Relative to the service worker, so the list holds under any base path. */
  url: string;
  /** null: the name already changes with the bytes (Vite's hashed assets, MediaPipe's versioned folder). */
  revision: string | null;
}

export interface PrecacheGroups {
  shell: PrecacheEntry[];
  stickers: string[];
  ai: string[];
}

const KEPT = /\.(?:html|m?js|css|wasm|woff2?|svg|png|webmanifest)$/u;
/** models/: weights (IndexedDB); screenshots/: only the install dialog shows them; sw.js: itself. */
const NEVER = [/^models\//u, /^screenshots\//u, /^sw\.js$/u, /\.map$/u, /\.br$/u];
/** Named by content: Vite's assets/ and the versioned mediapipe/<version>/. */
const HASHED = /^(?:assets|mediapipe)\//u;
const AI = /^assets\/ort-wasm[^/]*\.(?:wasm|mjs)$/u;

/** `import … from "./x.js"` and `import "./x.js"`, as minified output writes them; not import(). */
const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/gu;
/** `import("./x.js")` or import(`./x.js`): the entry's own are the UI, loaded once the sticker worker has started (main.tsx). */
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/gu;

/** The entry script and stylesheets of index.html, the UI the entry imports, and everything those import statically, as build paths. */
export function appShellFiles(outDir: string): string[] {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*\ssrc="\/?([^"]+)"/u.exec(html)?.[1];
  if (entry === undefined) throw new Error('index.html has no module script');
  // Its stylesheets and its favicon (named by content, so the precache takes the copy the page just had).
  const linked = [...html.matchAll(/<link rel="(?:stylesheet|icon)"[^>]*\shref="\/?([^"]+)"/gu)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(outDir, file), 'utf8');
    for (const [, imported] of code.matchAll(STATIC_IMPORT)) if (imported !== undefined) visit(path.posix.join(path.posix.dirname(file), imported));
  };
  visit(entry);
  const entryCode = readFileSync(path.join(outDir, entry), 'utf8');
  for (const [, imported] of entryCode.matchAll(DYNAMIC_IMPORT)) if (imported !== undefined) visit(path.posix.join(path.posix.dirname(entry), imported));
  return [...seen, ...linked];
}

export function precacheGroups(outDir: string): PrecacheGroups {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => KEPT.test(file) && !NEVER.some((rule) => rule.test(file)))
    .sort();
  const shellScripts = new Set(appShellFiles(outDir));
  const revision = (file: string) =>
    createHash('sha256')
      .update(readFileSync(path.join(outDir, file)))
      .digest('hex')
      .slice(0, 16);
  const inShell = (file: string) => !HASHED.test(file) || shellScripts.has(file);
  return {
    shell: files.filter(inShell).map((url) => ({ url, revision: HASHED.test(url) ? null : revision(url) })),
    stickers: files.filter((file) => !inShell(file) && !AI.test(file)),
    ai: files.filter((file) => !inShell(file) && AI.test(file)),
  };
}
