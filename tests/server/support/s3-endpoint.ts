// A real S3 endpoint for the tests: s3rver speaks the S3 protocol over HTTP on a free port and keeps
// the objects in a temporary folder. Production points at a real store (MinIO, AWS S3, COS, OSS).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../../../server/config.ts';

export interface S3Endpoint {
  settings: S3Settings;
  close(): Promise<void>;
}

/** s3rver's fixed credentials. */
const KEY = 'S3RVER';

export async function startS3(bucket = 'biaoqing-test'): Promise<S3Endpoint> {
  const directory = mkdtempSync(path.join(tmpdir(), 'biaoqing-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    settings: {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      region: 'us-east-1',
      credentials: { accessKeyId: KEY, secretAccessKey: KEY },
      forcePathStyle: true,
      signedUrlSeconds: 0,
    },
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
