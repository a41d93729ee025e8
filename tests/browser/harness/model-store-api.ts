// What the model-store harness page offers the tests and the bench (window.modelStore).

import type { StorageShortfall } from '../../../src/core/errors.ts';
import type { ModelEntry } from '../../../src/core/models/manifest.ts';
import type { ModelCacheRecord } from '../../../src/core/models/model-cache-layout.ts';
import type { DownloadProgress } from '../../../src/core/platform.ts';

/** What the load's `verified` hook was given: how often, the SHA-256 of its bytes, and whether before the load settled. */
export interface VerifiedCalls {
  calls: number;
  sha256: string | null;
  beforeSettled: boolean;
}

export type LoadOutcome =
  | { ok: true; byteLength: number; sha256: string; ms: number; progress: DownloadProgress[]; verified: VerifiedCalls }
  | { ok: false; code: string; message: string; storage: StorageShortfall | null; progress: DownloadProgress[]; verified: VerifiedCalls };

export interface ModelStoreHarness {
  /** Starts loading `entry` through the real model store; `id` names the load for the calls below. */
  start(id: string, entry: ModelEntry, assetBase: string): void;
  /** Resolves when the load has reported `bytes` loaded (or ended), with what it reported. */
  reached(id: string, bytes: number): Promise<number>;
  abort(id: string): void;
  outcome(id: string): Promise<LoadOutcome>;
  available(entry: ModelEntry, assetBase: string): Promise<boolean>;
  record(entry: ModelEntry): Promise<ModelCacheRecord | undefined>;
  /** Every key in the models database. */
  keys(): Promise<string[]>;
  /** Overwrites a stored chunk with `bytes`, or deletes it (null). */
  putChunk(entry: ModelEntry, index: number, bytes: number[] | null): Promise<void>;
  /** Writes a value under any key of the models database, or of idb-keyval's default one. */
  putRaw(key: string, value: string, database: 'models' | 'default'): Promise<void>;
  hasRaw(key: string, database: 'models' | 'default'): Promise<boolean>;
  /** Drops the bytes of the last finished load (kept until then, to be measured). */
  release(): void;
}

declare global {
  interface Window {
    modelStore: ModelStoreHarness;
    /** The last finished load's bytes, held until release(). */
    modelStoreKept: ArrayBuffer | null;
  }
}
