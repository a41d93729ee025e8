// One model file's bytes in IndexedDB, as core/models/model-cache-layout.ts lays them out: read back
// chunk by chunk into the caller's buffer (each chunk checked against its SHA-256), appended chunk
// by chunk while a download runs. Without IndexedDB (some private modes and in-app browsers) it
// stores nothing and every load downloads.

import { createStore, del, delMany, get, keys, setMany, type UseStore } from 'idb-keyval';
import type { ModelEntry } from '../../../core/models/manifest.ts';
import {
  MODEL_CHUNK_BYTES,
  MODEL_DB,
  MODEL_DB_STORE,
  isModelCacheRecord,
  modelChunkKey,
  modelIdPrefix,
  modelKeyPrefix,
  modelRecordKey,
  storedBytes,
  type ModelCacheRecord,
} from '../../../core/models/model-cache-layout.ts';
import { sha256Hex } from './sha256.ts';
import { storageFullError, isQuotaExceeded } from './storage-room.ts';
import { copyChunk } from './stored-chunk.ts';

let db: UseStore | null | undefined;

function modelDb(): UseStore | null {
  if (db === undefined) {
    try {
      db = createStore(MODEL_DB, MODEL_DB_STORE);
    } catch {
      db = null; // no indexedDB at all
    }
  }
  return db;
}

/**
 * Chunks are Blobs: Chromium writes and reads them about twice as fast as ArrayBuffers, which it
 * serialises first. WebKit refuses Blobs in IndexedDB in private and automated sessions (the write
 * fails with no error at all), so after one such refusal chunks are ArrayBuffers.
 */
let chunksAsBlobs = true;

function emptyRecord(entry: ModelEntry): ModelCacheRecord {
  return { layout: 1, id: entry.id, sha256: entry.sha256, total: entry.bytes, chunks: [], complete: false, updatedAt: Date.now() };
}

export class StoredModel {
  private stored: number;

  private constructor(
    private readonly entry: ModelEntry,
    private readonly db: UseStore | null,
    private record: ModelCacheRecord,
  ) {
    this.stored = storedBytes(record);
  }

  static async open(entry: ModelEntry): Promise<StoredModel> {
    const store = modelDb();
    if (store === null) return new StoredModel(entry, null, emptyRecord(entry));
    let found: unknown;
    try {
      found = await get(modelRecordKey(entry), store);
    } catch {
      return new StoredModel(entry, null, emptyRecord(entry)); // the database would not open
    }
    // An approximately sized entry takes the size its record was started with (the host's).
    const usable = isModelCacheRecord(found) && (found.total === entry.bytes || entry.bytesApproximate === true) ? found : emptyRecord(entry);
    return new StoredModel(entry, store, usable);
  }

  /** False when nothing can be kept on this device. */
  get persistent(): boolean {
    return this.db !== null;
  }

  get bytes(): number {
    return this.stored;
  }

  get complete(): boolean {
    return this.record.complete && this.stored === this.record.total;
  }

  /** The whole file's size as recorded when its download started: the host's, for an approximately sized entry. */
  get total(): number {
    return this.record.total;
  }

  /**
   * Copies the stored chunks into `out` from byte 0, each checked against its SHA-256 and then
   * handed to `onChunk`. The first missing or damaged chunk is dropped with every chunk after it,
   * so what remains is a good start to resume from. Returns how many bytes were read.
   */
  async readInto(out: Uint8Array<ArrayBuffer>, onChunk: (bytes: Uint8Array<ArrayBuffer>) => void, signal?: AbortSignal): Promise<number> {
    const { db } = this;
    if (db === null) return 0;
    let offset = 0;
    for (const [i, chunk] of this.record.chunks.entries()) {
      signal?.throwIfAborted();
      const value: unknown = await get(modelChunkKey(this.entry, i), db).catch(() => undefined);
      const good = await copyChunk(value, chunk.bytes, out, offset);
      if (!good || (await sha256Hex(out.subarray(offset, offset + chunk.bytes))) !== chunk.sha256) {
        await this.truncate(i);
        return offset;
      }
      onChunk(out.subarray(offset, offset + chunk.bytes));
      offset += chunk.bytes;
    }
    return offset;
  }

  /**
   * Stores out[bytes, end) after what is stored, as chunks of at most MODEL_CHUNK_BYTES, each in
   * one transaction with the record, so a stop between two leaves a consistent, shorter file.
   * `complete` marks the file as verified whole.
   */
  async append(out: Uint8Array<ArrayBuffer>, end: number, complete = false): Promise<void> {
    const { db } = this;
    if (db === null || (end === this.stored && !complete)) return;
    do {
      const length = Math.min(MODEL_CHUNK_BYTES, end - this.stored);
      const piece = out.subarray(this.stored, this.stored + length);
      const chunks = length === 0 ? this.record.chunks : [...this.record.chunks, { bytes: length, sha256: await sha256Hex(piece) }];
      const record: ModelCacheRecord = { ...this.record, chunks, complete: complete && this.stored + length === end, updatedAt: Date.now() };
      // Either form copies the piece's bytes (only those) when it is made.
      const chunk = (asBlob: boolean): [IDBValidKey, unknown][] =>
        length === 0 ? [] : [[modelChunkKey(this.entry, this.record.chunks.length), asBlob ? new Blob([piece]) : piece.slice().buffer]];
      const write = (asBlob: boolean) => setMany([...chunk(asBlob), [modelRecordKey(this.entry), record]], db);
      try {
        await write(chunksAsBlobs).catch(async (error: unknown) => {
          if (!chunksAsBlobs || length === 0 || isQuotaExceeded(error)) throw error;
          chunksAsBlobs = false;
          await write(false);
        });
      } catch (error) {
        if (isQuotaExceeded(error)) throw await storageFullError(this.entry, this.entry.bytes - this.stored);
        throw error;
      }
      this.record = record;
      this.stored += length;
    } while (this.stored < end);
  }

  /** Deletes every stored byte of this file. */
  async discard(): Promise<void> {
    this.record = emptyRecord(this.entry);
    this.stored = 0;
    await this.deleteKeys((key) => key.startsWith(modelKeyPrefix(this.entry)));
  }

  /**
   * Deletes what other versions of this model left behind: another SHA-256 (an older manifest),
   * and the single-Blob entry the store kept in idb-keyval's default database before chunks.
   */
  async dropOtherVersions(): Promise<void> {
    const own = modelKeyPrefix(this.entry);
    await this.deleteKeys((key) => key.startsWith(modelIdPrefix(this.entry.id)) && !key.startsWith(own));
    await del(`model:${this.entry.id}@${this.entry.sha256}`).catch(() => undefined);
  }

  private async truncate(count: number): Promise<void> {
    const dropped = this.record.chunks.slice(count).map((_, i) => modelChunkKey(this.entry, count + i));
    this.record = { ...this.record, chunks: this.record.chunks.slice(0, count), complete: false, updatedAt: Date.now() };
    this.stored = storedBytes(this.record);
    if (this.db === null) return;
    await setMany([[modelRecordKey(this.entry), this.record]], this.db).catch(() => undefined);
    await delMany(dropped, this.db).catch(() => undefined);
  }

  private async deleteKeys(match: (key: string) => boolean): Promise<void> {
    const { db } = this;
    if (db === null) return;
    const found = await keys(db).catch(() => []);
    await delMany(
      found.filter((key): key is string => typeof key === 'string' && match(key)),
      db,
    ).catch(() => undefined);
  }
}
