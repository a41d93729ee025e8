// Browser platform: model bytes from IndexedDB (idb-keyval), else downloaded with progress and
// checked against the manifest's SHA-256 before they are stored or used. A corrupt cache entry is
// dropped and fetched again; a failed store (quota) still lets this run use the bytes.

import { del, get, set } from 'idb-keyval';
import { StickerError } from '../../core/errors.ts';
import { modelUrls, type ModelEntry } from '../../core/models/manifest.ts';
import type { DownloadProgress } from '../../core/platform.ts';
import { sha256Hex } from './sha256.ts';

export function cacheKey(entry: ModelEntry): string {
  return `model:${entry.id}@${entry.sha256}`;
}

async function download(url: string, entry: ModelEntry, onProgress: (p: DownloadProgress) => void, signal?: AbortSignal): Promise<ArrayBuffer> {
  const response = await fetch(url, signal === undefined ? {} : { signal });
  if (!response.ok || response.body === null) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || entry.bytes;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress({ model: entry.id, loaded, total, cached: false });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}

async function fromCache(entry: ModelEntry): Promise<ArrayBuffer | undefined> {
  const key = cacheKey(entry);
  let blob: unknown;
  try {
    blob = await get(key);
  } catch {
    return undefined; // IndexedDB unavailable (private mode, some in-app browsers): download instead.
  }
  if (!(blob instanceof Blob)) return undefined;
  const bytes = await blob.arrayBuffer();
  if ((await sha256Hex(bytes)) === entry.sha256) return bytes;
  await del(key).catch(() => undefined);
  return undefined;
}

export async function loadModelBytes(
  entry: ModelEntry,
  assetBase: string,
  onProgress: (p: DownloadProgress) => void,
  options: { signal?: AbortSignal } = {},
): Promise<ArrayBuffer> {
  const cached = await fromCache(entry);
  if (cached !== undefined) {
    onProgress({ model: entry.id, loaded: cached.byteLength, total: cached.byteLength, cached: true });
    return cached;
  }
  const failures: string[] = [];
  let integrityFailed = false;
  for (const url of modelUrls(entry, assetBase)) {
    let bytes: ArrayBuffer;
    try {
      bytes = await download(url, entry, onProgress, options.signal);
    } catch (error) {
      if (options.signal?.aborted === true) throw error;
      failures.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    if ((await sha256Hex(bytes)) !== entry.sha256) {
      integrityFailed = true;
      failures.push(`${url}: SHA-256 does not match the manifest`);
      continue;
    }
    await set(cacheKey(entry), new Blob([bytes])).catch(() => undefined);
    return bytes;
  }
  const code = integrityFailed ? 'MODEL_INTEGRITY' : 'MODEL_DOWNLOAD_FAILED';
  throw new StickerError(code, `${entry.id}: ${failures.join('; ')}`, { stage: 'load-models' });
}

/** Whether verified bytes of the file are in IndexedDB (no download needed). */
export async function isCached(entry: ModelEntry): Promise<boolean> {
  try {
    return (await get(cacheKey(entry))) instanceof Blob;
  } catch {
    return false;
  }
}

/** Whether the file can be had without the public URL: already cached, or served beside the app. */
export async function availableWithoutDownload(entry: ModelEntry, assetBase: string): Promise<boolean> {
  try {
    if ((await get(cacheKey(entry))) instanceof Blob) return true;
  } catch {
    // No IndexedDB: only the app's own copy counts.
  }
  const [local] = modelUrls(entry, assetBase);
  if (local === undefined) return false;
  const response = await fetch(local, { method: 'HEAD' }).catch(() => null);
  return response?.ok === true;
}
