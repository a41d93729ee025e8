// The browser's storage for this site, as the model store sees it: checked before a download
// starts, and a write refused for quota turned into the same STORAGE_FULL error with the numbers.

import { StickerError, type StorageShortfall } from '../../../core/errors.ts';
import type { ModelEntry } from '../../../core/models/manifest.ts';
import { storageShortfall } from '../../../core/models/storage-budget.ts';

async function estimate(): Promise<StorageEstimate> {
  if (!('storage' in navigator) || typeof navigator.storage.estimate !== 'function') return {};
  return navigator.storage.estimate().catch(() => ({}));
}

function storageFull(entry: ModelEntry, shortfall: StorageShortfall): StickerError {
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  return new StickerError('STORAGE_FULL', `${entry.id}: needs ${mb(shortfall.neededBytes)} MB, ${mb(shortfall.freeBytes)} MB free`, {
    stage: 'load-models',
    storage: shortfall,
  });
}

/** Throws STORAGE_FULL when `neededBytes` (and a margin) will not fit; passes when the browser gives no estimate. */
export async function ensureRoom(entry: ModelEntry, neededBytes: number): Promise<void> {
  const shortfall = storageShortfall(neededBytes, await estimate());
  if (shortfall !== null) throw storageFull(entry, shortfall);
}

/** The STORAGE_FULL error for a write the browser refused with `neededBytes` still to store. */
export async function storageFullError(entry: ModelEntry, neededBytes: number): Promise<StickerError> {
  const { usage, quota } = await estimate();
  return storageFull(entry, { neededBytes, freeBytes: usage === undefined || quota === undefined ? 0 : Math.max(0, quota - usage) });
}

export function isQuotaExceeded(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError';
}
