// The user's work in progress (photo, words, style) kept in IndexedDB, so a reload, a crash or an
// app update never loses it. What is kept, and how it comes back, is form-draft.ts.

import { get } from 'idb-keyval';
import { setWithBlobs, withBlobs } from '../stored-blobs.ts';
import type { Draft, StoredDraft } from './form-draft.ts';

const KEY = 'draft:v1';

export async function loadDraft(): Promise<StoredDraft | undefined> {
  try {
    const value = withBlobs(await get(KEY));
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined; // No IndexedDB (some private modes): the app still works, without restore.
  }
}

export async function saveDraft(draft: Draft): Promise<void> {
  try {
    await setWithBlobs(KEY, draft);
  } catch {
    // Storage full or unavailable: keep working from memory.
  }
}
