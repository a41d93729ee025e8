// Whether a download will fit in what the browser lets this site store, asked before it starts so
// that a phone without room is told so at once, not after hundreds of MB.

import type { StorageShortfall } from '../errors.ts';

/** Room kept free beyond the file itself: IndexedDB's own overhead and the app's other data. */
export function storageMargin(neededBytes: number): number {
  return Math.max(2 ** 20, Math.ceil(neededBytes / 20));
}

/** null when `neededBytes` fits in the estimate (or the browser gives no estimate). */
export function storageShortfall(neededBytes: number, estimate: { usage?: number; quota?: number }): StorageShortfall | null {
  if (estimate.quota === undefined || estimate.usage === undefined) return null;
  const freeBytes = Math.max(0, estimate.quota - estimate.usage);
  return neededBytes + storageMargin(neededBytes) <= freeBytes ? null : { neededBytes, freeBytes };
}
