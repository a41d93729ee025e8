// The model store as the tests and the bench drive it: the real src/platform/browser/models/model-store.ts
// bundled by Vite into a harness page (tests/browser/harness/model-store-*.ts), served with a
// RangeFileServer on the app's own origin (so the models panel sees the same IndexedDB), and a
// typed handle on the page's window.modelStore.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import type { ModelEntry } from '../../../src/core/models/manifest.ts';
import type { LoadOutcome, ModelStoreHarness } from '../harness/model-store-api.ts';
import { openPage } from './chromium.ts';
import type { RangeFileServer } from './range-file-server.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const HARNESS = '/__model-store__/';
/** Where the RangeFileServer's files are: `${FILES}models/<file>` (an entry's local URL) and `${FILES}mirror/<file>`. */
export const FILES = '/__files__/';

let built: Promise<string> | undefined;

/** Bundles the harness page's script once per process; returns the folder it is in. */
export function buildModelStoreHarness(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'biaoqing-model-store-'));
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'es2022',
        lib: { entry: path.join(root, 'tests/browser/harness/model-store-harness.ts'), formats: ['es'], fileName: () => 'model-store.js' },
      },
    });
    return outDir;
  })();
  return built;
}

/** Serves the harness page and the file server's files on the app server's origin. */
export function modelStorePlugin(files: RangeFileServer, harnessDir: string): Plugin {
  const pages: Record<string, { file: string; type: string }> = {
    [`${HARNESS}index.html`]: { file: path.join(root, 'tests/browser/harness/model-store.html'), type: 'text/html' },
    [`${HARNESS}model-store.js`]: { file: path.join(harnessDir, 'model-store.js'), type: 'text/javascript' },
  };
  return {
    name: 'biaoqing-model-store-harness',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (files.handle(req, res)) return;
        const page = pages[(req.url ?? '').split('?')[0] ?? ''];
        if (page === undefined) return next();
        res.setHeader('Content-Type', page.type);
        res.end(readFileSync(page.file));
      });
    },
  };
}

/** A model entry for `bytes`, served as `models/<name>.bin` (and at `mirror/` as its public URL when asked). */
export function testModel(name: string, bytes: Buffer, options: { mirror?: string } = {}): ModelEntry {
  return {
    id: name,
    stage: 'test',
    runtime: 'test',
    source: 'repo',
    file: `${name}.bin`,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    dtype: '-',
    license: '-',
    url: options.mirror === undefined ? null : `${options.mirror}${FILES}mirror/${name}.bin`,
    description: `test file ${name}`,
  };
}

/** Same bytes for the same seed, cheaper than crypto-random for hundreds of MB. */
export function seededBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i + 4 <= length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes.writeUInt32LE(x >>> 0, i);
  }
  for (let i = length & ~3; i < length; i++) bytes[i] = i & 0xff;
  return bytes;
}

export interface ModelStorePage {
  page: Page;
  context: BrowserContext;
  /** The asset base whose models/ folder the file server answers. */
  assetBase: string;
  start(id: string, entry: ModelEntry): Promise<void>;
  reached(id: string, bytes: number): Promise<number>;
  abort(id: string): Promise<void>;
  outcome(id: string): Promise<LoadOutcome>;
  load(entry: ModelEntry): Promise<LoadOutcome>;
  call<K extends keyof ModelStoreHarness>(name: K, ...args: Parameters<ModelStoreHarness[K]>): Promise<Awaited<ReturnType<ModelStoreHarness[K]>>>;
}

/** Opens the harness page in a fresh context (its own IndexedDB), or in `context` when given. */
export async function openModelStore(browser: Browser, baseUrl: string, context?: BrowserContext): Promise<ModelStorePage> {
  const opened = context === undefined ? await openPage(browser) : { context, page: await context.newPage() };
  const { page } = opened;
  await page.goto(new URL(`${HARNESS}index.html`, baseUrl).href);
  await page.waitForFunction(() => document.title === 'ready');
  const assetBase = new URL(FILES, baseUrl).href;
  const call: ModelStorePage['call'] = (name, ...args) =>
    page.evaluate(([n, a]) => (window.modelStore[n] as (...x: unknown[]) => unknown)(...a), [name, args] as const) as never;
  return {
    page,
    context: opened.context,
    assetBase,
    start: (id, entry) => call('start', id, entry, assetBase),
    reached: (id, bytes) => call('reached', id, bytes),
    abort: (id) => call('abort', id),
    outcome: (id) => call('outcome', id),
    async load(entry) {
      const id = `load-${Math.random()}`;
      await call('start', id, entry, assetBase);
      return call('outcome', id);
    },
    call,
  };
}
