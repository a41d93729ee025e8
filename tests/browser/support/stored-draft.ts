// The draft as the app stored it in IndexedDB (idb-keyval's default store), read directly.

import type { Page } from 'playwright-core';

export function storedDraftField(page: Page, field: 'caption' | 'style' | 'prompt' | 'template'): Promise<string | null> {
  return page.evaluate(
    (name) =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('keyval-store');
        open.onsuccess = () => {
          const get = open.result.transaction('keyval').objectStore('keyval').get('draft:v1');
          get.onsuccess = () => {
            const value = (get.result as Record<string, unknown> | undefined)?.[name];
            resolve(typeof value === 'string' ? value : null);
          };
          get.onerror = () => resolve(null);
        };
        open.onerror = () => resolve(null);
      }),
    field,
  );
}
