// The model store's throughput in the real browser: a 200 MB file (BENCH_MODEL_MB) generated into
// a temp dir and served by a local HTTP server with Range support (tests/browser/support/
// range-file-server.ts, from memory, so the browser side is what is measured), loaded through the
// real model store (harness page): download + SHA-256 while streaming + chunked IndexedDB writes,
// in MB/s; then the cached load (chunks read back, each one's SHA-256 checked, copied into one
// preallocated buffer), its time, and the page's memory peak during it (V8 heap + ArrayBuffer
// backing stores, polled through the DevTools protocol) against the file size: about 1× shows the
// file is held once, not copied twice.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { MODEL_CHUNK_BYTES } from '../../src/core/models/model-cache-layout.ts';
import { startAppServer } from '../browser/support/app-server.ts';
import {
  FILES,
  buildModelStoreHarness,
  modelStorePlugin,
  openModelStore,
  seededBytes,
  testModel,
  type ModelStorePage,
} from '../browser/support/model-store-page.ts';
import { RangeFileServer } from '../browser/support/range-file-server.ts';
import { summarize, type Summary } from './stats.ts';

const MB = 2 ** 20;
const FILE_MB = Number(process.env.BENCH_MODEL_MB ?? 200);
const DOWNLOADS = 3;
const CACHED_LOADS = 5;

export interface ModelStoreReport {
  note: string;
  fileMB: number;
  downloadMBps: Summary;
  cachedLoadMs: Summary;
  cachedLoadMBps: Summary;
  /** Peak (V8 heap + ArrayBuffer backing stores) above the level before the load, in MB, and as a multiple of the file. */
  cachedLoadPeakMB: Summary;
  cachedLoadPeakPerFile: Summary;
  downloadPeakPerFile: Summary;
}

async function memory(cdp: CDPSession): Promise<number> {
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return heap.usedSize + (heap.backingStorageSize ?? 0);
}

/** Loads `entry`: the load's time, and the memory peak above the level before it (the result held). */
async function timedLoad(
  store: ModelStorePage,
  cdp: CDPSession,
  entry: Parameters<ModelStorePage['load']>[0],
  cached: boolean,
): Promise<{ ms: number; peakBytes: number }> {
  await store.call('release');
  await cdp.send('HeapProfiler.collectGarbage');
  const base = await memory(cdp);
  let peak = base;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      peak = Math.max(peak, await memory(cdp));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const result = await store.load(entry);
  peak = Math.max(peak, await memory(cdp)); // the result is still held here
  polling = false;
  await poll;
  if (!result.ok || result.sha256 !== entry.sha256) throw new Error(`model store bench: ${JSON.stringify({ ...result, progress: undefined })}`);
  if (result.progress.at(-1)?.cached !== cached) throw new Error(`expected a ${cached ? 'cached' : 'downloaded'} load`);
  return { ms: result.ms, peakBytes: peak - base };
}

export async function modelStoreBench(browser: Browser): Promise<ModelStoreReport> {
  const dir = mkdtempSync(path.join(tmpdir(), 'biaoqing-bench-model-'));
  const file = path.join(dir, 'bench-model.bin');
  writeFileSync(file, seededBytes(FILE_MB * MB, 7));
  const bytes = readFileSync(file);
  const files = new RangeFileServer(FILES);
  const entry = testModel('bench-model', bytes);
  files.serve(`models/${entry.file}`, bytes);
  const server = await startAppServer({ plugins: [modelStorePlugin(files, await buildModelStoreHarness())] });

  const download: { mbps: number; peak: number }[] = [];
  const cachedRuns: { ms: number; peak: number }[] = [];
  try {
    for (let i = 0; i < DOWNLOADS; i++) {
      const store = await openModelStore(browser, server.url); // a fresh context: empty IndexedDB
      const cdp = await store.context.newCDPSession(store.page);
      const run = await timedLoad(store, cdp, entry, false);
      download.push({ mbps: FILE_MB / (run.ms / 1000), peak: run.peakBytes / bytes.length });
      if (i === DOWNLOADS - 1) {
        for (let j = 0; j < CACHED_LOADS; j++) {
          const cached = await timedLoad(store, cdp, entry, true);
          cachedRuns.push({ ms: cached.ms, peak: cached.peakBytes });
        }
      }
      await store.context.close();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    note: `${FILE_MB} MB file from a local HTTP server through the real model store (harness page, main thread): download = stream + incremental SHA-256 + ${MODEL_CHUNK_BYTES / MB} MiB chunks into IndexedDB; cached = chunks read back, per-chunk SHA-256 (WebCrypto), copied into one preallocated buffer; peak = V8 heap + ArrayBuffer backing stores above the level before the load`,
    fileMB: FILE_MB,
    downloadMBps: summarize(download.map((d) => d.mbps)),
    cachedLoadMs: summarize(cachedRuns.map((c) => c.ms)),
    cachedLoadMBps: summarize(cachedRuns.map((c) => FILE_MB / (c.ms / 1000))),
    cachedLoadPeakMB: summarize(cachedRuns.map((c) => c.peak / MB)),
    cachedLoadPeakPerFile: summarize(cachedRuns.map((c) => c.peak / bytes.length)),
    downloadPeakPerFile: summarize(download.map((d) => d.peak)),
  };
}
