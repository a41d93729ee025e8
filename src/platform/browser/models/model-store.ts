// Browser platform: a model file's bytes, from IndexedDB when stored whole (each chunk checked),
// else downloaded: resumed from what is stored, streamed, SHA-256 checked as it arrives, stored in
// chunks, with progress, speed and time left. A broken connection is asked again from where it
// stopped; a wrong file is deleted and the next URL tried; no room fails early with STORAGE_FULL.

import { StickerError, errorMessage } from '../../../core/errors.ts';
import { modelEntry, modelUrls, type ModelEntry } from '../../../core/models/manifest.ts';
import type { DownloadProgress } from '../../../core/platform.ts';
import { IntegrityFailure, ModelDownload } from './model-download.ts';
import { withModelLock } from './model-lock.ts';
import { ensureRoom } from './storage-room.ts';
import { hostSize, storedSize, withSize } from './exact-size.ts';
import { StoredModel } from './stored-model.ts';

/** Requests to one URL in one load, as long as each brings new bytes. */
const MAX_REQUESTS_PER_URL = 5;

export interface LoadOptions {
  /** Stops the download (or the wait for another tab's); what arrived stays stored for later. */
  signal?: AbortSignal | undefined;
  /**
   * The network is asked only once this has settled (a cached file does not wait): on a slow link a
   * file needed later leaves the whole link to one needed sooner, rather than sharing it and both
   * arriving late.
   */
  after?: Promise<unknown>;
  /**
   * Given the downloaded file once its SHA-256 checks out, before its last IndexedDB write commits
   * (50–90 ms for the face model on this repository's test machine): a caller in a hurry takes it
   * then, and must not change or transfer it. The load still settles after that write (holding the
   * model lock until then); should the write fail, the stored part is resumed next time.
   */
  verified?: (bytes: ArrayBuffer) => void;
}

async function download(entry: ModelEntry, urls: readonly string[], onProgress: (p: DownloadProgress) => void, options: LoadOptions): Promise<ArrayBuffer> {
  const { signal } = options;
  const stored = await StoredModel.open(entry);
  const file = new ModelDownload(entry, stored, onProgress, signal, options.verified);
  const cached = await file.fromCache();
  if (cached !== null) return cached;
  await file.resume();
  if (stored.bytes === 0) await stored.dropOtherVersions();
  if (stored.persistent && file.remaining > 0) await ensureRoom(entry, file.remaining);
  await options.after?.catch(() => undefined);

  const failures: string[] = [];
  let integrityFailed = false;
  try {
    for (const url of urls) {
      for (let request = 1; ; request++) {
        const before = file.arrived;
        try {
          return await file.fetchFrom(url);
        } catch (error) {
          if (signal?.aborted === true || error instanceof StickerError) throw error;
          failures.push(errorMessage(error));
          if (error instanceof IntegrityFailure) {
            integrityFailed = true;
            await file.restart();
            break;
          }
          // A connection that broke after sending something is asked again from where it stopped.
          if (file.arrived === before || request === MAX_REQUESTS_PER_URL) break;
        }
      }
    }
  } finally {
    file.quiet();
  }
  throw new StickerError(integrityFailed ? 'MODEL_INTEGRITY' : 'MODEL_DOWNLOAD_FAILED', `${entry.id}: ${failures.join('; ')}`, { stage: 'load-models' });
}

const isDownloadFailure = (error: unknown): error is StickerError =>
  error instanceof StickerError && (error.code === 'MODEL_DOWNLOAD_FAILED' || error.code === 'MODEL_INTEGRITY');

/**
 * A file without an exact size in the manifest: resumed at the size it was started with, else each
 * host in turn at the size it says (a host answering with something else fails the hash and the
 * next is asked).
 */
async function downloadUnsized(entry: ModelEntry, assetBase: string, onProgress: (p: DownloadProgress) => void, signal?: AbortSignal): Promise<ArrayBuffer> {
  const urls = modelUrls(entry, assetBase);
  const resumed = await storedSize(entry);
  if (resumed !== null) return download(withSize(entry, resumed), urls, onProgress, { signal });
  const failures: string[] = [];
  let integrityFailed = false;
  for (const url of urls) {
    try {
      const size = await hostSize(url, signal);
      if (size === null || size === 0) {
        failures.push(`${url}: the answer gives no size`);
        continue;
      }
      return await download(withSize(entry, size), [url], onProgress, { signal });
    } catch (error) {
      if (signal?.aborted === true || (error instanceof StickerError && !isDownloadFailure(error))) throw error;
      if (error instanceof StickerError && error.code === 'MODEL_INTEGRITY') integrityFailed = true;
      failures.push(errorMessage(error));
    }
  }
  throw new StickerError(integrityFailed ? 'MODEL_INTEGRITY' : 'MODEL_DOWNLOAD_FAILED', `${entry.id}: ${failures.join('; ')}`, { stage: 'load-models' });
}

export async function loadModelBytes(
  entry: ModelEntry,
  assetBase: string,
  onProgress: (p: DownloadProgress) => void,
  options: LoadOptions = {},
): Promise<ArrayBuffer> {
  const { signal } = options;
  try {
    return await withModelLock(`${entry.id}@${entry.sha256}`, signal, () =>
      entry.bytesApproximate === true
        ? downloadUnsized(entry, assetBase, onProgress, signal)
        : download(entry, modelUrls(entry, assetBase), onProgress, options),
    );
  } catch (error) {
    if (signal?.aborted === true) throw new StickerError('ABORTED', `${entry.id}: download cancelled`, { stage: 'load-models' });
    // A derived file exists only beside the app (a host may answer its path with a page instead); a
    // build without it still has the file it came from.
    if (entry.derivedFrom !== undefined && isDownloadFailure(error)) {
      return loadModelBytes(modelEntry(entry.derivedFrom), assetBase, onProgress, options);
    }
    throw error;
  }
}

/** Whether the file can be had without the public URL: stored whole, or served beside the app. */
export async function availableWithoutDownload(entry: ModelEntry, assetBase: string): Promise<boolean> {
  if ((await StoredModel.open(entry)).complete) return true;
  const [local] = modelUrls(entry, assetBase);
  if (local === undefined) return false;
  const response = await fetch(local, { method: 'HEAD' }).catch(() => null);
  return response?.ok === true;
}

/** Whether the whole file is stored (no download needed), whatever the app's own folder holds. */
export async function isCached(entry: ModelEntry): Promise<boolean> {
  try {
    return (await StoredModel.open(entry)).complete;
  } catch {
    return false; // no IndexedDB (private mode, some in-app browsers)
  }
}
