// How model files are kept in IndexedDB, shared by the model store (workers) and the models panel
// (UI): one database of its own, each file as chunks of at most MODEL_CHUNK_BYTES under their own
// keys, plus one record per file naming them. No single value comes near the ~2 GB a browser can
// hold in one ArrayBuffer, a download can stop after any chunk and go on from there, and each
// chunk's SHA-256 finds a damaged one without hashing the whole file again.

export const MODEL_DB = 'biaoqing-models';
export const MODEL_DB_STORE = 'files';

/** Chunks are written when this much has arrived (and whatever has arrived when a download stops). */
export const MODEL_CHUNK_BYTES = 4 * 2 ** 20;

export interface ModelChunk {
  bytes: number;
  /** SHA-256 of this chunk's bytes, hex. */
  sha256: string;
}

export interface ModelCacheRecord {
  layout: 1;
  id: string;
  /** The whole file's SHA-256 (the manifest's). */
  sha256: string;
  /** The whole file's size. */
  total: number;
  /** In file order; chunk i is stored under modelChunkKey(id, sha256, i). */
  chunks: ModelChunk[];
  /** Every byte is stored and the whole file matched sha256. */
  complete: boolean;
  updatedAt: number;
}

interface ModelVersion {
  id: string;
  sha256: string;
}

/** Every key of one version of one model starts with this. */
export function modelKeyPrefix(model: ModelVersion): string {
  return `model:${model.id}@${model.sha256}/`;
}

/** Every key of any version of the model with this id starts with this. */
export function modelIdPrefix(id: string): string {
  return `model:${id}@`;
}

export function modelRecordKey(model: ModelVersion): string {
  return `${modelKeyPrefix(model)}record`;
}

export function modelChunkKey(model: ModelVersion, index: number): string {
  return `${modelKeyPrefix(model)}chunk/${index}`;
}

export function storedBytes(record: ModelCacheRecord): number {
  return record.chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
}

function isChunk(value: unknown): value is ModelChunk {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c.bytes === 'number' && Number.isInteger(c.bytes) && c.bytes > 0 && typeof c.sha256 === 'string';
}

/** A stored record as written by this layout; anything else is treated as absent (and re-fetched). */
export function isModelCacheRecord(value: unknown): value is ModelCacheRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    r.layout === 1 &&
    typeof r.id === 'string' &&
    typeof r.sha256 === 'string' &&
    typeof r.total === 'number' &&
    typeof r.complete === 'boolean' &&
    typeof r.updatedAt === 'number' &&
    Array.isArray(r.chunks) &&
    r.chunks.every(isChunk) &&
    storedBytes(r as unknown as ModelCacheRecord) <= r.total
  );
}
