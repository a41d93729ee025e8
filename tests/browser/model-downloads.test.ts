// The model manager's downloads in the real browser: resumed where they broke, verified, chunked,
// and checked for integrity (wrong bytes, damaged chunks, old versions). The world: support/model-manager-world.ts.

import { describe, expect, it } from 'vitest';
import { openModelStore } from './support/model-store-page.ts';
import { MB, CHUNK, modelManagerWorld } from './support/model-manager-world.ts';

const world = modelManagerWorld();
const { files, model, local, asked, chunkSizes, resumedAt, chunkEnds, storeKeys } = world;

describe('model manager: resumable, verified, chunked downloads', () => {
  it('an interrupted download is asked again from where it broke (Range), ends verified, and is stored in chunks', async () => {
    const entry = model('resume-10m', 10 * MB + 12_345);
    files.fault(local(entry), { kind: 'cut', after: 5_000_000 });
    const store = await openModelStore(world.browser, world.server.url);

    const result = await store.load(entry);
    expect(result).toMatchObject({ ok: true, byteLength: entry.bytes, sha256: entry.sha256 });
    // Handed on once verified, before the last write: once, with the whole file.
    expect(result.verified).toEqual({ calls: 1, sha256: entry.sha256, beforeSettled: true });
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

  it('a file the manifest knows only approximately takes its size from the host, and its hash still decides', async () => {
    const exact = model('unsized-3m', 3 * MB + 4_321);
    const entry = { ...exact, bytes: 3 * MB, bytesApproximate: true };
    const store = await openModelStore(world.browser, world.server.url);
    const result = await store.load(entry);
    expect(result).toMatchObject({ ok: true, byteLength: exact.bytes, sha256: exact.sha256 });
    // One byte asked for to learn the size (this server answers only open ranges, so its 200's
    // length says it and the body is dropped), then the file.
    expect(asked(entry)).toEqual([
      ['bytes=0-0', 200],
      [null, 200],
    ]);
    expect(result.progress.at(-1)).toMatchObject({ loaded: exact.bytes, total: exact.bytes });
    expect(await store.call('record', entry)).toMatchObject({ complete: true, total: exact.bytes });
    expect(await store.load(entry)).toMatchObject({ ok: true, byteLength: exact.bytes });
    expect(asked(entry)).toHaveLength(2); // the second load came from IndexedDB

    // Another file at the pinned path: whatever size the host gives, the hash refuses it.
    const other = model('unsized-other', 2 * MB);
    const wrong = { ...other, sha256: exact.sha256, bytes: 2 * MB + 1, bytesApproximate: true };
    expect(await store.load(wrong)).toMatchObject({ ok: false, code: 'MODEL_INTEGRITY' });
    await store.context.close();
  });

  it('a small file cut short goes on from the bytes that arrived', async () => {
    const entry = model('resume-small', 249_537);
    files.fault(local(entry), { kind: 'cut', after: 100_000 });
    const store = await openModelStore(world.browser, world.server.url);
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
    const store = await openModelStore(world.browser, world.server.url);
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
    const store = await openModelStore(world.browser, world.server.url);
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
    const store = await openModelStore(world.browser, world.server.url);
    expect(await store.load(entry)).toMatchObject({ ok: true });
    await store.page.reload();
    await store.page.waitForFunction(() => document.title === 'ready');
    await store.context.setOffline(true);
    const cached = await store.load(entry);
    expect(cached).toMatchObject({ ok: true, byteLength: entry.bytes, sha256: entry.sha256 });
    if (cached.ok)
      expect(cached.progress).toEqual([{ model: entry.id, loaded: entry.bytes, total: entry.bytes, cached: true, bytesPerSecond: null, secondsLeft: null }]);
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
    const store = await openModelStore(world.browser, world.server.url);
    // Only the mirror's bytes, which check out, are handed on before they are stored.
    expect(await store.load(entry)).toMatchObject({ ok: true, sha256: entry.sha256, verified: { calls: 1, sha256: entry.sha256 } });
    expect(asked(entry)).toEqual([[null, 200]]);
    expect(asked(entry, `mirror/${entry.file}`)).toEqual([[null, 200]]);
    await store.context.close();
  });

  it('wrong bytes in a resumed part fail with MODEL_INTEGRITY, delete the entry, and a retry fetches it whole', async () => {
    const entry = model('wrong-on-resume', 6 * MB);
    files.fault(local(entry), { kind: 'cut', after: 2 * MB }, { kind: 'wrong-bytes' });
    const store = await openModelStore(world.browser, world.server.url);
    expect(await store.load(entry)).toMatchObject({ ok: false, code: 'MODEL_INTEGRITY', verified: { calls: 0 } });
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
    const store = await openModelStore(world.browser, world.server.url);
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
    const store = await openModelStore(world.browser, world.server.url);
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
    const store = await openModelStore(world.browser, world.server.url);
    const other = await openModelStore(world.browser, world.server.url, store.context);
    await store.start('a', entry);
    await other.start('b', entry);
    expect(await store.outcome('a')).toMatchObject({ ok: true, sha256: entry.sha256 });
    expect(await other.outcome('b')).toMatchObject({ ok: true, sha256: entry.sha256 });
    expect(asked(entry)).toEqual([[null, 200]]);
    await store.context.close();
  });

  it('a new version of a model deletes what older versions left (chunks, or the old single-Blob entry)', async () => {
    const entry = model('versions', MB);
    const store = await openModelStore(world.browser, world.server.url);
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
