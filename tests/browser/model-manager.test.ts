// The model manager in the real browser: the real model store (bundled into a harness page on the
// app's origin, real IndexedDB) against a real HTTP server with Range support that drops, holds and
// corrupts responses on request, and logs every request with its Range header.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import manifest from '../../models/manifest.json' with { type: 'json' };
import { MODEL_CHUNK_BYTES } from '../../src/core/models/model-cache-layout.ts';
import type { ModelEntry } from '../../src/core/models/manifest.ts';
import { startAppServer, type AppServer } from './support/app-server.ts';
import { launchChromium, openPage } from './support/chromium.ts';
import { openApp } from './support/app-driver.ts';
import { FILES, buildModelStoreHarness, modelStorePlugin, openModelStore, seededBytes, testModel, type ModelStorePage } from './support/model-store-page.ts';
import { RangeFileServer } from './support/range-file-server.ts';
import { serviceWorkerInControl } from './support/service-worker.ts';

const MB = 2 ** 20;
const CHUNK = MODEL_CHUNK_BYTES;
const files = new RangeFileServer(FILES);
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAppServer({ plugins: [modelStorePlugin(files, await buildModelStoreHarness())] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let seed = 1;
/** A file of `length` bytes served at the entry's local URL (and at its public URL with `mirror`). */
function model(name: string, length: number, options: { mirror?: boolean } = {}): ModelEntry {
  const bytes = seededBytes(length, seed++);
  const entry = testModel(name, bytes, options.mirror === true ? { mirror: server.url.replace(/\/$/, '') } : {});
  files.serve(`models/${entry.file}`, bytes);
  files.serve(`mirror/${entry.file}`, bytes);
  return entry;
}

const local = (entry: ModelEntry) => `models/${entry.file}`;
const asked = (entry: ModelEntry, where = local(entry)) => files.requestsFor(where).map((r) => [r.range, r.status]);

async function chunkSizes(store: ModelStorePage, entry: ModelEntry): Promise<number[]> {
  return ((await store.call('record', entry))?.chunks ?? []).map((c) => c.bytes);
}

/**
 * Where the second request asked to start. A dropped connection loses what was still in flight
 * inside the browser, so it may be less than the server sent before the cut, never more.
 */
function resumedAt(entry: ModelEntry, cut: number): number {
  const [first, second] = files.requestsFor(local(entry));
  expect(first).toMatchObject({ range: null, status: 200 });
  const from = Number(/^bytes=(\d+)-$/.exec(second?.range ?? '')?.[1]);
  expect(from).toBeGreaterThan(0);
  expect(from).toBeLessThanOrEqual(cut);
  return from;
}

/** The byte offsets where stored chunks end. */
function chunkEnds(sizes: number[]): number[] {
  return sizes.map((_, i) => sizes.slice(0, i + 1).reduce((a, b) => a + b, 0));
}

async function storeKeys(store: ModelStorePage, entry: ModelEntry): Promise<string[]> {
  return (await store.call('keys')).filter((k) => k.startsWith(`model:${entry.id}@`));
}

describe('model manager: resumable, verified, chunked downloads', () => {
  it('an interrupted download is asked again from where it broke (Range), ends verified, and is stored in chunks', async () => {
    const entry = model('resume-10m', 10 * MB + 12_345);
    files.fault(local(entry), { kind: 'cut', after: 5_000_000 });
    const store = await openModelStore(browser, server.url);

    const result = await store.load(entry);
    expect(result).toMatchObject({ ok: true, byteLength: entry.bytes, sha256: entry.sha256 });
    const from = resumedAt(entry, 5_000_000);
    expect(asked(entry)).toEqual([
      [null, 200],
      [`bytes=${from}-`, 206],
    ]);
    // What had arrived when the connection broke was stored as it was (a chunk ends there), and
    // the rest in whole chunks after it; no chunk is larger than the layout's.
    const sizes = await chunkSizes(store, entry);
    expect(chunkEnds(sizes)).toContain(from);
    expect(sizes.slice(0, -1).filter((n) => n === CHUNK).length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CHUNK);
    expect(chunkEnds(sizes).at(-1)).toBe(entry.bytes);
    expect(await store.call('record', entry)).toMatchObject({ complete: true, total: entry.bytes, sha256: entry.sha256 });
    const last = result.progress.at(-1);
    expect(last).toMatchObject({ model: entry.id, loaded: entry.bytes, total: entry.bytes, cached: false, secondsLeft: 0 });
    for (const p of result.progress) expect(p.bytesPerSecond === null || p.bytesPerSecond > 0).toBe(true);
    expect(result.progress.map((p) => p.loaded)).toEqual([...result.progress.map((p) => p.loaded)].sort((a, b) => a - b));
    await store.context.close();
  });

  it('a small file cut short goes on from the bytes that arrived', async () => {
    const entry = model('resume-small', 249_537);
    files.fault(local(entry), { kind: 'cut', after: 100_000 });
    const store = await openModelStore(browser, server.url);
    expect(await store.load(entry)).toMatchObject({ ok: true, sha256: entry.sha256 });
    const from = resumedAt(entry, 100_000);
    expect(asked(entry)).toEqual([
      [null, 200],
      [`bytes=${from}-`, 206],
    ]);
    expect(await chunkSizes(store, entry)).toEqual([from, entry.bytes - from]);
    await store.context.close();
  });

  it('cancel stops the download, keeps what arrived, and a later load resumes from there', async () => {
    const entry = model('cancel-9m', 9 * MB);
    files.fault(local(entry), { kind: 'stall', after: 6 * MB });
    const store = await openModelStore(browser, server.url);
    const stalled = files.stalled();
    await store.start('first', entry);
    await stalled;
    expect(await store.reached('first', 6 * MB)).toBe(6 * MB);
    await store.abort('first');
    expect(await store.outcome('first')).toMatchObject({ ok: false, code: 'ABORTED' });
    expect(await store.call('record', entry)).toMatchObject({ complete: false });
    expect(await chunkSizes(store, entry)).toEqual([CHUNK, 6 * MB - CHUNK]);
    expect(await store.call('available', entry, store.assetBase)).toBe(true); // served beside the app

    expect(await store.load(entry)).toMatchObject({ ok: true, sha256: entry.sha256 });
    expect(asked(entry)).toEqual([
      [null, 200],
      [`bytes=${6 * MB}-`, 206],
    ]);
    await store.context.close();
  });

  it('a reload in the middle of a download goes on from the last stored chunk', async () => {
    const entry = model('reload-9m', 9 * MB);
    files.fault(local(entry), { kind: 'stall', after: 6 * MB });
    const store = await openModelStore(browser, server.url);
    const stalled = files.stalled();
    await store.start('first', entry);
    await stalled;
    await store.reached('first', 6 * MB);
    // The first chunk's write, which a busy machine may still be committing when 6 MB have arrived.
    await expect.poll(() => chunkSizes(store, entry), { timeout: 10_000 }).toEqual([CHUNK]);
    await store.page.reload();
    await store.page.waitForFunction(() => document.title === 'ready');
    // The page went away between chunks: only the whole chunk written before is there.
    expect(await chunkSizes(store, entry)).toEqual([CHUNK]);
    expect(await store.load(entry)).toMatchObject({ ok: true, sha256: entry.sha256 });
    expect(asked(entry)).toEqual([
      [null, 200],
      [`bytes=${CHUNK}-`, 206],
    ]);
    await store.context.close();
  });

  it('a stored file survives a reload and loads offline, without a request', async () => {
    const entry = model('offline-5m', 5 * MB);
    const store = await openModelStore(browser, server.url);
    expect(await store.load(entry)).toMatchObject({ ok: true });
    await store.page.reload();
    await store.page.waitForFunction(() => document.title === 'ready');
    await store.context.setOffline(true);
    const cached = await store.load(entry);
    expect(cached).toMatchObject({ ok: true, byteLength: entry.bytes, sha256: entry.sha256 });
    if (cached.ok) expect(cached.progress).toEqual([{ model: entry.id, loaded: entry.bytes, total: entry.bytes, cached: true, bytesPerSecond: null, secondsLeft: null }]);
    expect(await store.call('available', entry, store.assetBase)).toBe(true);
    expect(asked(entry)).toEqual([[null, 200]]);

    // Offline with only part of a file: a failure that keeps the part.
    const partial = model('offline-partial', 6 * MB);
    await store.context.setOffline(false);
    files.fault(local(partial), { kind: 'stall', after: 5 * MB });
    const stalled = files.stalled();
    await store.start('partial', partial);
    await stalled;
    await store.reached('partial', 5 * MB);
    await store.abort('partial');
    await store.outcome('partial');
    await store.context.setOffline(true);
    expect(await store.load(partial)).toMatchObject({ ok: false, code: 'MODEL_DOWNLOAD_FAILED' });
    expect(await chunkSizes(store, partial)).toEqual([CHUNK, 5 * MB - CHUNK]);
    expect(await store.call('available', partial, store.assetBase)).toBe(false);
    await store.context.close();
  });
});

describe('model manager: integrity', () => {
  it('wrong bytes are refused and the next URL is fetched whole', async () => {
    const entry = model('wrong-then-mirror', 3 * MB, { mirror: true });
    files.fault(local(entry), { kind: 'wrong-bytes' });
    const store = await openModelStore(browser, server.url);
    expect(await store.load(entry)).toMatchObject({ ok: true, sha256: entry.sha256 });
    expect(asked(entry)).toEqual([[null, 200]]);
    expect(asked(entry, `mirror/${entry.file}`)).toEqual([[null, 200]]);
    await store.context.close();
  });

  it('wrong bytes in a resumed part fail with MODEL_INTEGRITY, delete the entry, and a retry fetches it whole', async () => {
    const entry = model('wrong-on-resume', 6 * MB);
    files.fault(local(entry), { kind: 'cut', after: 2 * MB }, { kind: 'wrong-bytes' });
    const store = await openModelStore(browser, server.url);
    expect(await store.load(entry)).toMatchObject({ ok: false, code: 'MODEL_INTEGRITY' });
    expect(await storeKeys(store, entry)).toEqual([]);
    expect(await store.load(entry)).toMatchObject({ ok: true, sha256: entry.sha256 });
    expect(asked(entry)).toEqual([
      [null, 200],
      [`bytes=${resumedAt(entry, 2 * MB)}-`, 206],
      [null, 200],
    ]);
    await store.context.close();
  });

  it('a 200 answer to a Range request starts the file over', async () => {
    const entry = model('range-ignored', 3 * MB);
    files.fault(local(entry), { kind: 'cut', after: MB }, { kind: 'ignore-range' });
    const store = await openModelStore(browser, server.url);
    expect(await store.load(entry)).toMatchObject({ ok: true, sha256: entry.sha256 });
    expect(asked(entry)).toEqual([
      [null, 200],
      [`bytes=${resumedAt(entry, MB)}-`, 200],
    ]);
    expect(await chunkSizes(store, entry)).toEqual([3 * MB]);
    await store.context.close();
  });

  it('a damaged or missing chunk of a stored file is found on load and fetched again from there', async () => {
    const entry = model('damaged-10m', 10 * MB);
    const store = await openModelStore(browser, server.url);
    expect(await store.load(entry)).toMatchObject({ ok: true });
    expect(await chunkSizes(store, entry)).toEqual([CHUNK, CHUNK, 2 * MB]);

    await store.call('putChunk', entry, 1, [1, 2, 3]);
    expect(await store.load(entry)).toMatchObject({ ok: true, sha256: entry.sha256 });
    await store.call('putChunk', entry, 2, null);
    expect(await store.load(entry)).toMatchObject({ ok: true, sha256: entry.sha256 });
    expect(asked(entry)).toEqual([
      [null, 200],
      [`bytes=${CHUNK}-`, 206],
      [`bytes=${2 * CHUNK}-`, 206],
    ]);
    expect(await store.call('record', entry)).toMatchObject({ complete: true });
    await store.context.close();
  });

  it('two loads of one file at once make one download', async () => {
    const entry = model('two-at-once', 6 * MB);
    const store = await openModelStore(browser, server.url);
    const other = await openModelStore(browser, server.url, store.context);
    await store.start('a', entry);
    await other.start('b', entry);
    expect(await store.outcome('a')).toMatchObject({ ok: true, sha256: entry.sha256 });
    expect(await other.outcome('b')).toMatchObject({ ok: true, sha256: entry.sha256 });
    expect(asked(entry)).toEqual([[null, 200]]);
    await store.context.close();
  });

  it('a new version of a model deletes what older versions left (chunks, or the old single-Blob entry)', async () => {
    const entry = model('versions', MB);
    const store = await openModelStore(browser, server.url);
    const old = `model:${entry.id}@${'0'.repeat(64)}/`;
    await store.call('putRaw', `${old}record`, 'old record', 'models');
    await store.call('putRaw', `${old}chunk/0`, 'old chunk', 'models');
    await store.call('putRaw', `model:versions-2@${entry.sha256}/record`, 'another model', 'models');
    await store.call('putRaw', `model:${entry.id}@${entry.sha256}`, 'the store before chunks', 'default');
    expect(await store.load(entry)).toMatchObject({ ok: true });
    expect((await storeKeys(store, entry)).sort()).toEqual([`model:${entry.id}@${entry.sha256}/chunk/0`, `model:${entry.id}@${entry.sha256}/record`]);
    expect(await store.call('hasRaw', `model:versions-2@${entry.sha256}/record`, 'models')).toBe(true);
    expect(await store.call('hasRaw', `model:${entry.id}@${entry.sha256}`, 'default')).toBe(false);
    await store.context.close();
  });
});

describe('model manager: storage quota', () => {
  // The override lasts as long as the DevTools session that set it: one per page, kept open.
  const sessions = new WeakMap<Page, CDPSession>();
  async function setQuota(page: Page, quotaSize: number | null): Promise<void> {
    const cdp = sessions.get(page) ?? (await page.context().newCDPSession(page));
    sessions.set(page, cdp);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin, ...(quotaSize === null ? {} : { quotaSize }) });
  }

  it('a write refused for quota fails with STORAGE_FULL, keeps the stored part, and resumes once there is room', async () => {
    const entry = model('quota-on-write', 20 * MB);
    const store = await openModelStore(browser, server.url);
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
      const store = await openModelStore(reporting, server.url);
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
      await openApp(page, server.url);
      await page.getByTestId('notice').filter({ hasText: /已就绪/ }).waitFor({ timeout: 60_000 });
      // The service worker fills Cache Storage in the background: usage is measured once it is steady.
      await serviceWorkerInControl(page);
      await setQuota(page, (await steadyUsage(page)) + 20 * MB);
      await page.getByTestId('prompt-input').fill('火冒三丈');
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

describe('models panel', () => {
  /**
   * IndexedDB's share of the origin's usage, where the model store keeps its chunks: the service
   * worker's precache (Cache Storage, 42 MB) may still be filling in the background meanwhile.
   */
  const usage = (page: Page) =>
    page.evaluate(async () => {
      const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
      return estimate.usageDetails?.indexedDB ?? 0;
    });

  it('lists whole and part-downloaded models with sizes; deleting one from the keyboard frees its storage', async () => {
    const { page, context } = await openPage(browser);
    await openApp(page, server.url);
    await page.getByTestId('notice').filter({ hasText: /已就绪/ }).waitFor({ timeout: 60_000 });

    // Part of the CLIP text encoder, as a stopped download leaves it (the real file is not on this
    // machine: these are other bytes of its size, which is all a part-download can be checked by).
    const encoder = manifest.models.find((m) => m.id === 'clip-text-q8')!;
    files.serve(`models/${encoder.file}`, seededBytes(encoder.bytes, 99));
    files.fault(`models/${encoder.file}`, { kind: 'stall', after: 20 * MB });
    const store = await openModelStore(browser, server.url, context);
    const stalled = files.stalled();
    await store.start('encoder', encoder);
    await stalled;
    await store.reached('encoder', 20 * MB);
    await store.abort('encoder');
    expect(await store.outcome('encoder')).toMatchObject({ ok: false, code: 'ABORTED' });
    await store.page.close();

    const face = manifest.models.find((m) => m.id === 'face-landmarker-lean')!;
    await page.getByTestId('models-panel').locator('summary').click();
    const panel = page.getByTestId('models-panel');
    await panel.locator(`[data-testid="model-row-face-landmarker-lean"][data-state="complete"][data-bytes="${face.bytes}"]`).waitFor();
    const partial = panel.locator(`[data-testid="model-row-clip-text-q8"][data-state="partial"][data-bytes="${20 * MB}"]`);
    await partial.waitFor();
    expect(await partial.innerText()).toContain(`${Math.floor((100 * 20 * MB) / encoder.bytes)}%`);
    expect(await panel.getByTestId('models-total').getAttribute('data-bytes')).toBe(String(face.bytes + 20 * MB));

    const before = await usage(page);
    const remove = panel.getByRole('button', { name: '删除模型「AI 文字理解：CLIP 文本编码器」（20.0 MB）' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await partial.waitFor({ state: 'detached' });
    await panel.locator(`[data-testid="models-total"][data-bytes="${face.bytes}"]`).waitFor();
    expect(await panel.getByTestId('model-delete-face-landmarker-lean').isVisible()).toBe(true);
    await expect.poll(() => usage(page), { timeout: 30_000 }).toBeLessThan(before - 15 * MB);
    await context.close();
  });
});
