// The model files kept on this device, as the models panel shows them: read and deleted straight
// from IndexedDB through the layout the model store writes (core/models/model-cache-layout.ts),
// since the UI may not import the store itself.

import { createStore, delMany, get, keys, type UseStore } from 'idb-keyval';
import { MODEL_MANIFEST, type ModelEntry } from '../core/models/manifest.ts';
import { MODEL_DB, MODEL_DB_STORE, isModelCacheRecord, modelKeyPrefix, modelRecordKey, storedBytes } from '../core/models/model-cache-layout.ts';

export interface CachedModel {
  entry: ModelEntry;
  /** Bytes stored so far. */
  bytes: number;
  /** Stored whole and verified; otherwise a download stopped part-way and will go on from here. */
  complete: boolean;
}

let store: UseStore | undefined;

function modelDb(): UseStore {
  store ??= createStore(MODEL_DB, MODEL_DB_STORE);
  return store;
}

/** Every manifest model with anything stored, in manifest order; none where IndexedDB is unavailable. */
export async function listCachedModels(): Promise<CachedModel[]> {
  const found: CachedModel[] = [];
  for (const entry of MODEL_MANIFEST.models) {
    const record: unknown = await get(modelRecordKey(entry), modelDb());
    if (!isModelCacheRecord(record)) continue;
    const bytes = storedBytes(record);
    if (bytes > 0) found.push({ entry, bytes, complete: record.complete && bytes === record.total });
  }
  return found;
}

/** Deletes every stored byte of the model (the record and all its chunks); its next use downloads it. */
export async function deleteCachedModel(entry: ModelEntry): Promise<void> {
  const prefix = modelKeyPrefix(entry);
  const all = await keys(modelDb());
  await delMany(
    all.filter((key) => typeof key === 'string' && key.startsWith(prefix)),
    modelDb(),
  );
}

/**
 * Asks the browser to keep this site's storage under pressure instead of evicting it, before a
 * download of tens or hundreds of MB that would be painful to repeat. Chromium decides silently
 * (by engagement), Firefox asks the user once; either way the download goes ahead.
 */
export async function askToKeepStorage(): Promise<boolean> {
  if (!('storage' in navigator) || typeof navigator.storage.persist !== 'function') return false;
  return navigator.storage.persist().catch(() => false);
}
