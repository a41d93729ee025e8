// Test harness page script: the real model store (src/platform/browser/models/model-store.ts), bundled by
// Vite for the page's main thread, with hooks to start, watch, cancel and inspect loads. Built in the
// test's setup (tests/browser/support/model-store-page.ts) and served on the app's origin.

import { createStore, del, get, keys, set } from 'idb-keyval';
import { MODEL_DB, MODEL_DB_STORE, isModelCacheRecord, modelChunkKey, modelRecordKey } from '../../../src/core/models/model-cache-layout.ts';
import type { DownloadProgress } from '../../../src/core/platform.ts';
import { StickerError } from '../../../src/core/errors.ts';
import { availableWithoutDownload, loadModelBytes } from '../../../src/platform/browser/models/model-store.ts';
import type { LoadOutcome, ModelStoreHarness, VerifiedCalls } from './model-store-api.ts';

const models = createStore(MODEL_DB, MODEL_DB_STORE);

interface Load {
  controller: AbortController;
  progress: DownloadProgress[];
  waiters: { bytes: number; resolve: (loaded: number) => void }[];
  outcome: Promise<LoadOutcome>;
}

const loads = new Map<string, Load>();

function loadOf(id: string): Load {
  const load = loads.get(id);
  if (load === undefined) throw new Error(`no load ${id}`);
  return load;
}

async function hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const harness: ModelStoreHarness = {
  start(id, entry, assetBase) {
    const controller = new AbortController();
    const progress: DownloadProgress[] = [];
    const verified: VerifiedCalls = { calls: 0, sha256: null, beforeSettled: false };
    let settled = false;
    let verifiedHash: Promise<string> | undefined;
    const load: Load = {
      controller,
      progress,
      waiters: [],
      outcome: Promise.resolve({ ok: false, code: '', message: '', storage: null, progress, verified }),
    };
    const settle = () => {
      for (const w of load.waiters) w.resolve(progress.at(-1)?.loaded ?? 0);
      load.waiters = [];
    };
    const onProgress = (p: DownloadProgress) => {
      progress.push(p);
      load.waiters = load.waiters.filter((w) => (p.loaded >= w.bytes ? (w.resolve(p.loaded), false) : true));
    };
    const began = performance.now();
    const onVerified = (bytes: ArrayBuffer) => {
      verified.calls++;
      verified.beforeSettled = !settled;
      verifiedHash = hex(bytes);
    };
    const ended = async () => {
      settle();
      if (verifiedHash !== undefined) verified.sha256 = await verifiedHash;
    };
    load.outcome = loadModelBytes(entry, assetBase, onProgress, { signal: controller.signal, verified: onVerified }).then(
      async (bytes): Promise<LoadOutcome> => {
        settled = true;
        const ms = performance.now() - began;
        window.modelStoreKept = bytes;
        await ended();
        return { ok: true, byteLength: bytes.byteLength, sha256: await hex(bytes), ms, progress, verified };
      },
      async (error: unknown): Promise<LoadOutcome> => {
        settled = true;
        await ended();
        const sticker = error instanceof StickerError ? error : null;
        return { ok: false, code: sticker?.code ?? 'THROWN', message: String(error), storage: sticker?.storage ?? null, progress, verified };
      },
    );
    loads.set(id, load);
  },
  reached(id, bytes) {
    const load = loadOf(id);
    const last = load.progress.at(-1)?.loaded ?? 0;
    if (last >= bytes) return Promise.resolve(last);
    return new Promise((resolve) => load.waiters.push({ bytes, resolve }));
  },
  abort: (id) => loadOf(id).controller.abort(),
  outcome: (id) => loadOf(id).outcome,
  available: (entry, assetBase) => availableWithoutDownload(entry, assetBase),
  async record(entry) {
    const value: unknown = await get(modelRecordKey(entry), models);
    return isModelCacheRecord(value) ? value : undefined;
  },
  async keys() {
    return (await keys(models)).map(String);
  },
  async putChunk(entry, index, bytes) {
    const key = modelChunkKey(entry, index);
    await (bytes === null ? del(key, models) : set(key, new Blob([Uint8Array.from(bytes)]), models));
  },
  async putRaw(key, value, database) {
    await (database === 'models' ? set(key, new Blob([value]), models) : set(key, new Blob([value])));
  },
  async hasRaw(key, database) {
    return (await (database === 'models' ? get(key, models) : get(key))) !== undefined;
  },
  release() {
    window.modelStoreKept = null;
  },
};

window.modelStore = harness;
document.title = 'ready';
