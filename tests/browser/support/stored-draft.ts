// The draft as the app stored it in IndexedDB (idb-keyval's default store), read directly.

import type { Page } from 'playwright-core';

/** The stored draft's fields, or undefined where none is stored. */
export function storedDraft(page: Page): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown> | undefined>((resolve) => {
        const open = indexedDB.open('keyval-store');
        open.onsuccess = () => {
          const get = open.result.transaction('keyval').objectStore('keyval').get('draft:v1');
          get.onsuccess = () => resolve(get.result as Record<string, unknown> | undefined);
          get.onerror = () => resolve(undefined);
        };
        open.onerror = () => resolve(undefined);
      }),
  );
}

export async function storedDraftField(page: Page, field: 'caption' | 'style' | 'prompt' | 'template'): Promise<string | null> {
  const value = (await storedDraft(page))?.[field];
  return typeof value === 'string' ? value : null;
}
