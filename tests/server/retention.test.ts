// RETENTION_HOURS over real HTTP, on both storages: a result or upload past it answers 410 with a
// JSON error at once, while its file is still in the store; the sweeper then deletes it (→ 404).

import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { S3Settings } from '../../server/config.ts';
import { newId } from '../../server/ids.ts';
import { openStorage } from '../../server/storage/open-storage.ts';
import { generate, start } from './support/harness.ts';
import { PNG, REQUEST, errorOf, uploadId } from './support/requests.ts';
import { startS3 } from './support/s3-endpoint.ts';

/** RETENTION_HOURS=0.0005: long enough to upload, short enough to wait out. */
const RETENTION_MS = 1800;

const KINDS: [string, () => Promise<{ s3: S3Settings | null; close(): Promise<void> }>][] = [
  ['local disk', async () => ({ s3: null, close: async () => undefined })],
  [
    'S3 (s3rver)',
    async () => {
      const endpoint = await startS3();
      return { s3: endpoint.settings, close: endpoint.close };
    },
  ],
];

describe.each(KINDS)('retention on %s', (_kind, open) => {
  it('answers 410 for an expired result or upload before any sweep, 404 after it', async () => {
    const place = await open();
    // No sweep runs by itself during the test: only reads judge the age.
    const server = await start({ s3: place.s3, retentionMs: RETENTION_MS, sweepIntervalMs: 3_600_000 });
    try {
      const storage = await openStorage(server.config);
      const resultId = newId();
      await storage.putResult(resultId, PNG);
      const upload = await uploadId(server.base);
      const stored = Date.now();

      await sleep(Math.max(0, stored + RETENTION_MS + 50 - Date.now()));
      const download = await fetch(`${server.base}/api/download/${resultId}`);
      expect(download.status).toBe(410);
      expect(download.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await errorOf(download)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/expired/) });
      const late = await generate(server.base, { ...REQUEST, uploadId: upload });
      expect(late.status).toBe(410);
      expect((await errorOf(late)).code).toBe('NOT_FOUND');
      // Refused by age, not because the files were gone.
      expect(await storage.resultCreatedAt(resultId)).not.toBeNull();
      expect(await storage.uploadMeta(upload)).not.toBeNull();

      expect(await server.app.sweep()).toBe(3);
      expect((await fetch(`${server.base}/api/download/${resultId}`)).status).toBe(404);
      expect((await generate(server.base, { ...REQUEST, uploadId: upload })).status).toBe(404);
    } finally {
      await server.app.close();
      await place.close();
    }
  });
});
