// Records that hold Blobs (photos, stickers) written to IndexedDB in every engine. WebKit refuses
// Blobs in IndexedDB in private and automated sessions (Safari's private tabs, some in-app
// browsers): the write fails with no error at all. After one such refusal, a record's Blob fields
// are stored as their bytes and type, and turned back into Blobs when read.

import { set, type UseStore } from 'idb-keyval';

interface BlobBytes {
  storedBlob: 1;
  type: string;
  bytes: ArrayBuffer;
}

let blobsRefused = false;

function isBlobBytes(value: unknown): value is BlobBytes {
  const v = value as Partial<BlobBytes> | null;
  return typeof v === 'object' && v !== null && v.storedBlob === 1 && typeof v.type === 'string' && v.bytes instanceof ArrayBuffer;
}

async function asBytes(blob: Blob): Promise<BlobBytes> {
  return { storedBlob: 1, type: blob.type, bytes: await blob.arrayBuffer() };
}

/** A Blob as its bytes, or a record with its Blob fields as bytes. */
async function withBytes(value: object): Promise<object> {
  if (value instanceof Blob) return asBytes(value);
  const fields = await Promise.all(Object.entries(value).map(async ([key, field]) => [key, field instanceof Blob ? await asBytes(field) : field] as const));
  return Object.fromEntries(fields);
}

/** Stores a Blob, or a record, under `key`: Blobs as bytes where they are refused. */
export async function setWithBlobs(key: IDBValidKey, record: object, store?: UseStore): Promise<void> {
  if (!blobsRefused) {
    try {
      await set(key, record, store);
      return;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'QuotaExceededError') throw error;
      blobsRefused = true;
    }
  }
  await set(key, await withBytes(record), store);
}

/** A stored record with its byte fields turned back into Blobs; anything else as it is. */
export function withBlobs(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || value instanceof Blob) return value;
  if (isBlobBytes(value)) return new Blob([value.bytes], { type: value.type });
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, isBlobBytes(field) ? new Blob([field.bytes], { type: field.type }) : field]));
}
