// The model manager against the browser's storage quota: a write refused for quota, and the room
// checked before a download. The world: support/model-manager-world.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import manifest from '../../models/manifest.json' with { type: 'json' };
import { openApp } from './support/app-driver.ts';
import { launchChromium, openPage } from './support/chromium.ts';
import { openModelStore } from './support/model-store-page.ts';
import { serviceWorkerInControl } from './support/service-worker.ts';
import { MB, CHUNK, modelManagerWorld } from './support/model-manager-world.ts';

const world = modelManagerWorld();
const { model, asked, chunkSizes } = world;

describe('model manager: storage quota', () => {
  // The override lasts as long as the DevTools session that set it: one per page, kept open.
  const sessions = new WeakMap<Page, CDPSession>();
  async function setQuota(page: Page, quotaSize: number | null): Promise<void> {
    const cdp = sessions.get(page) ?? (await page.context().newCDPSession(page));
    sessions.set(page, cdp);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(world.server.url).origin, ...(quotaSize === null ? {} : { quotaSize }) });
  }

  it('a write refused for quota fails with STORAGE_FULL, keeps the stored part, and resumes once there is room', async () => {
    const entry = model('quota-on-write', 20 * MB);
    const store = await openModelStore(world.browser, world.server.url);
    // Chromium tells pages a fixed quota (usage + up to 10 GiB, "StaticStorageQuota"), so the check
    // before the download passes, as on a full phone; the real quota set here stops the writes.
    await setQuota(store.page, 6 * MB);
    const result = await store.load(entry);
    expect(result).toMatchObject({ ok: false, code: 'STORAGE_FULL', storage: { neededBytes: 20 * MB - CHUNK } });
    expect(await chunkSizes(store, entry)).toEqual([CHUNK]);

    await setQuota(store.page, null);
    expect(await store.load(entry)).toMatchObject({ ok: true, sha256: entry.sha256 });
    expect(asked(entry)).toEqual([
      [null, 200],
      [`bytes=${CHUNK}-`, 206],
    ]);
    await store.context.close();
  });

  describe('with the real quota reported to the page', () => {
    let reporting: Browser;
    beforeAll(async () => {
      reporting = await launchChromium({ args: ['--disable-features=StaticStorageQuota'] });
    });
    afterAll(async () => {
      await reporting?.close();
    });
    const usage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    /** The usage once it holds still for a second: the service worker keeps files as they pass (MediaPipe's 13 MB among them), after the page has them. */
    const steadyUsage = async (page: Page) => {
      let last = -1;
      for (let now = await usage(page); now !== last; now = await usage(page)) {
        last = now;
        await page.waitForTimeout(1000);
      }
      return last;
    };

    it('a file that will not fit fails with STORAGE_FULL before any request, saying what is needed and free', async () => {
      const entry = model('too-big', 30 * MB);
      const store = await openModelStore(reporting, world.server.url);
      await setQuota(store.page, 10 * MB);
      const result = await store.load(entry);
      expect(result).toMatchObject({ ok: false, code: 'STORAGE_FULL', storage: { neededBytes: 30 * MB } });
      if (!result.ok) expect(result.storage?.freeBytes).toBeLessThanOrEqual(10 * MB);
      expect(asked(entry)).toEqual([]);
      await store.context.close();
    });

    it('the app says how many MB the text encoder needs and how many are free, and asked to keep its storage', async () => {
      const { page, context } = await openPage(reporting);
      await page.addInitScript(() => {
        const persist = StorageManager.prototype.persist;
        (window as unknown as { persistCalls: number }).persistCalls = 0;
        StorageManager.prototype.persist = function () {
          (window as unknown as { persistCalls: number }).persistCalls++;
          return persist.call(this);
        };
      });
      await openApp(page, world.server.url);
      await page
        .getByTestId('notice')
        .filter({ hasText: /已就绪/ })
        .waitFor({ timeout: 60_000 });
      // The service worker fills Cache Storage in the background: usage is measured once it is steady.
      await serviceWorkerInControl(page);
      await setQuota(page, (await steadyUsage(page)) + 20 * MB);
      await page.getByTestId('prompt-input').fill('my cheeks are burning');
      await page.getByTestId('text-encoder-download').click();
      const failed = page.locator('[data-testid="text-encoder-status"][data-status="failed"]');
      await failed.waitFor({ timeout: 60_000 });
      const encoder = manifest.models.find((m) => m.id === 'clip-text-q8')!;
      expect(await failed.locator('[data-code]').getAttribute('data-code')).toBe('STORAGE_FULL');
      const text = await failed.innerText();
      expect(text).toContain(`还需要约 ${(encoder.bytes / MB).toFixed(0)} MB`);
      const free = Number(/只剩约 (\d+) MB/.exec(text)?.[1]);
      expect(free).toBeGreaterThan(10);
      expect(free).toBeLessThanOrEqual(20);
      expect(text).toContain('已下载的模型');
      expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(1);
      await context.close();
    });
  });
});
