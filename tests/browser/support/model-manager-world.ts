// One model-manager test file's world: the real model store (bundled into a harness page on the
// app's origin, real IndexedDB) against a real HTTP server with Range support that drops, holds and
// corrupts responses on request and logs every request with its Range header; and the helpers that
// make test files and read what the store kept.

import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { MODEL_CHUNK_BYTES } from '../../../src/core/models/model-cache-layout.ts';
import type { ModelEntry } from '../../../src/core/models/manifest.ts';
import { startAppServer, type AppServer } from './app-server.ts';
import { launchChromium } from './chromium.ts';
import { FILES, buildModelStoreHarness, modelStorePlugin, seededBytes, testModel, type ModelStorePage } from './model-store-page.ts';
import { RangeFileServer } from './range-file-server.ts';

export const MB = 2 ** 20;
export const CHUNK = MODEL_CHUNK_BYTES;

/** Starts the server and Chromium for the calling test file (beforeAll) and stops them after it. */
export function modelManagerWorld() {
  const files = new RangeFileServer(FILES);
  const world = { files, server: undefined as unknown as AppServer, browser: undefined as unknown as Browser };
  beforeAll(async () => {
    world.server = await startAppServer({ plugins: [modelStorePlugin(files, await buildModelStoreHarness())] });
    world.browser = await launchChromium();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.server?.close();
  });
  let seed = 1;
  /** A file of `length` bytes served at the entry's local URL (and at its public URL with `mirror`). */
  function model(name: string, length: number, options: { mirror?: boolean } = {}): ModelEntry {
    const bytes = seededBytes(length, seed++);
    const entry = testModel(name, bytes, options.mirror === true ? { mirror: world.server.url.replace(/\/$/, '') } : {});
    files.serve(`models/${entry.file}`, bytes);
    files.serve(`mirror/${entry.file}`, bytes);
    return entry;
  }

  const local = (entry: ModelEntry) => `models/${entry.file}`;
  const asked = (entry: ModelEntry, where = local(entry)) => files.requestsFor(where).map((r) => [r.range, r.status]);

  async function chunkSizes(store: ModelStorePage, entry: ModelEntry): Promise<number[]> {
    return ((await store.call('record', entry))?.chunks ?? []).map((c) => c.bytes);
  }

  /**
   * Where the second request asked to start. A dropped connection loses what was still in flight
   * inside the browser, so it may be less than the server sent before the cut, never more.
   */
  function resumedAt(entry: ModelEntry, cut: number): number {
    const [first, second] = files.requestsFor(local(entry));
    expect(first).toMatchObject({ range: null, status: 200 });
    const from = Number(/^bytes=(\d+)-$/.exec(second?.range ?? '')?.[1]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(cut);
    return from;
  }

  /** The byte offsets where stored chunks end. */
  function chunkEnds(sizes: number[]): number[] {
    return sizes.map((_, i) => sizes.slice(0, i + 1).reduce((a, b) => a + b, 0));
  }

  async function storeKeys(store: ModelStorePage, entry: ModelEntry): Promise<string[]> {
    return (await store.call('keys')).filter((k) => k.startsWith(`model:${entry.id}@`));
  }

  return {
    files,
    get server() {
      return world.server;
    },
    get browser() {
      return world.browser;
    },
    model,
    local,
    asked,
    chunkSizes,
    resumedAt,
    chunkEnds,
    storeKeys,
  };
}
