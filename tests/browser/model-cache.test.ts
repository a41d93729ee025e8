// The model store's real path for a deployment without local model copies: the local URL 404s, the
// manifest's public URL is answered by this test with the shared file's bytes (nothing leaves the
// machine), the bytes are checked by SHA-256 and kept in IndexedDB (chunks, each with its own
// SHA-256: tests/browser/model-downloads.test.ts, model-quota.test.ts and models-panel.test.ts cover resuming, quota and the models panel).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import manifest from '../../models/manifest.json' with { type: 'json' };
import { MODEL_DB, MODEL_DB_STORE, modelChunkKey } from '../../src/core/models/model-cache-layout.ts';
import { useSession } from './support/session.ts';
import { openPage } from './support/chromium.ts';
import { MODELS_DIR, fixtureFile } from './support/fixtures.ts';
import { makeSticker, openApp, outcome } from './support/app-driver.ts';

const session = useSession();
const entry = manifest.models.find((m) => m.id === 'face-landmarker')!;
/** The app's lighter copy, made only where the build had the published file. */
const lean = manifest.models.find((m) => m.id === 'face-landmarker-lean')!;
const modelBytes = readFileSync(path.join(MODELS_DIR, entry.file));

/** Serves the model only at its public URL (neither it nor the lean copy beside the app); returns a counter of requests for it. */
async function modelOnlyAtPublicUrl(page: Page, body: Buffer): Promise<{ count: number }> {
  const served = { count: 0 };
  for (const file of [entry.file, lean.file]) await page.route(`**/models/${file}`, (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.route(
    (url) => url.href === entry.url,
    (route) => {
      served.count++;
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body });
    },
  );
  return served;
}

async function modelReady(page: Page): Promise<void> {
  await page
    .getByTestId('notice')
    .filter({ hasText: /已就绪/ })
    .waitFor({ timeout: 60_000 });
}

describe('model weights: fetched once from the manifest URL, verified, cached in IndexedDB', () => {
  it('downloads, verifies and caches; a reload uses the cache; a corrupt entry is fetched again', async () => {
    const { page, context } = await openPage(session.browser);
    const served = await modelOnlyAtPublicUrl(page, modelBytes);
    await openApp(page, session.server.url);
    await modelReady(page);
    expect(served.count).toBe(1);
    // Named as the models panel names it, not by its manifest id.
    expect(await page.getByTestId('notice').innerText()).toContain('人脸关键点（MediaPipe）');
    await makeSticker(page, fixtureFile('faces/astronaut.png'));
    expect((await outcome(page)).kind).toBe('result');

    await page.reload();
    await modelReady(page);
    expect(served.count).toBe(1);

    // Damage the stored bytes behind the app's back: the file's first chunk (it has only one).
    await page.evaluate(
      ([database, store, key]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(database);
          open.onsuccess = () => {
            const tx = open.result.transaction(store, 'readwrite');
            tx.objectStore(store).put(new TextEncoder().encode('protobuf parsing failed').buffer, key);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      [MODEL_DB, MODEL_DB_STORE, modelChunkKey(entry, 0)] as const,
    );
    await page.reload();
    await modelReady(page);
    expect(served.count).toBe(2);
    await makeSticker(page, fixtureFile('faces/grace_hopper.jpg'));
    expect((await outcome(page)).kind).toBe('result');
    await context.close();
  });

  it('bytes that do not match the manifest SHA-256 are refused with a clear message', async () => {
    const { page, context } = await openPage(session.browser);
    await modelOnlyAtPublicUrl(page, Buffer.from(modelBytes.subarray(0, modelBytes.length - 1000)));
    await openApp(page, session.server.url);
    await makeSticker(page, fixtureFile('faces/astronaut.png'));
    const done = await outcome(page);
    expect(done).toMatchObject({ kind: 'error', code: 'MODEL_INTEGRITY' });
    if (done.kind === 'error') expect(done.text).toMatch(/校验失败/);
    await context.close();
  });
});
