// The page's service worker as a test sees it: ready, in control, and what it precached.

import type { Page } from 'playwright-core';

/** Waits until the service worker is active and controls the page; its script URL. */
export async function serviceWorkerInControl(page: Page): Promise<string> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  const handle = await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL ?? null, null, { timeout: 60_000, polling: 100 });
  return (await handle.jsonValue()) as string;
}

/**
 * Paths of what the service worker keeps (query strings, such as the revision, dropped): 'install',
 * Workbox's precache of the shell; 'all', that and the groups the page asked it to keep.
 */
export async function precachedPaths(page: Page, which: 'install' | 'all' = 'all'): Promise<string[]> {
  return page.evaluate(async (all) => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.includes('precache') && !(all && name.startsWith('biaoqing-'))) continue;
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.sort();
  }, which === 'all');
}
