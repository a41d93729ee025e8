// The page's service worker as a test sees it: ready, in control, and what it precached.

import type { Page } from 'playwright-core';

/** Waits until the service worker is active and controls the page; its script URL. */
export async function serviceWorkerInControl(page: Page): Promise<string> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  const handle = await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL ?? null, null, { timeout: 60_000, polling: 100 });
  return (await handle.jsonValue()) as string;
}

/** Paths of everything in Workbox's precache (query strings, such as the revision, dropped). */
export async function precachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.includes('precache')) continue;
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.sort();
  });
}
