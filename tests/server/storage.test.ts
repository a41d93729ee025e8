// The storage contract, run alike against both implementations: local disk in a temporary folder,
// and S3 on a real S3 endpoint (s3rver) started for each test.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage, UploadMeta } from '../../server/storage.ts';
import { LocalStorage } from '../../server/storage/local-storage.ts';
import { S3Storage } from '../../server/storage/s3-storage.ts';
import { newId } from '../../server/ids.ts';
import { startS3 } from './support/s3-endpoint.ts';

interface Opened {
  storage: Storage;
  close(): Promise<void>;
}

const KINDS: [string, () => Promise<Opened>][] = [
  [
    'local disk',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'biaoqing-storage-'));
      const storage = new LocalStorage(dir);
      await storage.init();
      return { storage, close: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'S3 (s3rver)',
    async () => {
      const s3 = await startS3();
      const storage = new S3Storage(s3.settings);
      await storage.init();
      return { storage, close: s3.close };
    },
  ],
];

function meta(id: string): UploadMeta {
  return { id, format: 'png', width: 3, height: 2, orientation: 1, sha256: 'ab'.repeat(32), createdAt: 1_700_000_000_000 };
}

const BYTES = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);

describe.each(KINDS)('storage on %s', (_kind, open) => {
  let opened: Opened | null = null;
  const storage = async (): Promise<Storage> => (opened = await open()).storage;
  afterEach(async () => {
    await opened?.close();
    opened = null;
  });

  it('keeps an upload and its description, and answers null for one it does not have', async () => {
    const store = await storage();
    const id = newId();
    await store.putUpload(meta(id), BYTES);
    expect(await store.uploadMeta(id)).toEqual(meta(id));
    expect(await store.uploadBytes(id)).toEqual(BYTES);
    const other = newId();
    expect(await store.uploadMeta(other)).toBeNull();
    expect(await store.uploadBytes(other)).toBeNull();
  });

  it('keeps a result with the time it was stored, and streams it back', async () => {
    const store = await storage();
    const id = newId();
    const before = Date.now();
    await store.putResult(id, BYTES);
    const createdAt = await store.resultCreatedAt(id);
    // S3 keeps whole seconds.
    expect(createdAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(createdAt).toBeLessThanOrEqual(Date.now());
    const stream = await store.openResult(id);
    expect(new Uint8Array(await buffer(stream!))).toEqual(BYTES);
    const other = newId();
    expect(await store.resultCreatedAt(other)).toBeNull();
    expect(await store.openResult(other)).toBeNull();
  });

  it('deletes what was stored before a time, and nothing newer', async () => {
    const store = await storage();
    const started = Date.now();
    const [upload, result] = [newId(), newId()];
    await store.putUpload(meta(upload), BYTES);
    await store.putResult(result, BYTES);
    expect(await store.deleteOlderThan(started - 2000)).toBe(0);
    expect(await store.uploadBytes(upload)).toEqual(BYTES);
    // The upload's picture and description, and the result.
    expect(await store.deleteOlderThan(Date.now() + 2000)).toBe(3);
    expect(await store.uploadMeta(upload)).toBeNull();
    expect(await store.uploadBytes(upload)).toBeNull();
    expect(await store.resultCreatedAt(result)).toBeNull();
    expect(await store.deleteOlderThan(Date.now() + 2000)).toBe(0);
  });

  it('refuses a name that is not an id before it touches the store', async () => {
    const store = await storage();
    for (const id of ['../uploads/x', '..%2Fx', 'AAAAAAAAAAAAAAAAAAAAA.', '']) {
      await expect(store.uploadMeta(id)).rejects.toThrow(/not an id/);
      await expect(store.putResult(id, BYTES)).rejects.toThrow(/not an id/);
      await expect(store.openResult(id)).rejects.toThrow(/not an id/);
      await expect(store.signedResultUrl(id, 60)).rejects.toThrow(/not an id/);
    }
  });
});

describe('S3 storage', () => {
  it('signs short-lived download URLs when asked, never longer than the file has left', async () => {
    const s3 = await startS3();
    try {
      expect(await new S3Storage(s3.settings).signedResultUrl(newId(), 60)).toBeNull();
      const store = new S3Storage({ ...s3.settings, signedUrlSeconds: 300 });
      const id = newId();
      await store.putResult(id, BYTES);
      const url = new URL((await store.signedResultUrl(id, 42.7))!);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('42');
      expect(new URL((await store.signedResultUrl(id, 3600))!).searchParams.get('X-Amz-Expires')).toBe('300');
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES);
    } finally {
      await s3.close();
    }
  });

  it('says clearly when the bucket is not there', async () => {
    const s3 = await startS3();
    try {
      await expect(new S3Storage({ ...s3.settings, bucket: 'no-such-bucket' }).init()).rejects.toThrow(/s3:\/\/no-such-bucket .* is not reachable/);
    } finally {
      await s3.close();
    }
  });
});
