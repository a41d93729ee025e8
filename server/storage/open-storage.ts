// The storage the environment asks for: S3-compatible when S3_BUCKET is set, else local disk.

import type { ServerConfig } from '../config.ts';
import type { Storage } from '../storage.ts';
import { LocalStorage } from './local-storage.ts';
import { S3Storage } from './s3-storage.ts';

export async function openStorage(config: Pick<ServerConfig, 's3' | 'dataDir'>): Promise<Storage> {
  const storage = config.s3 === null ? new LocalStorage(config.dataDir) : new S3Storage(config.s3);
  await storage.init();
  return storage;
}
