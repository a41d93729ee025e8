// What the routes share: the config, storage, queue, filter, result cache and model loader.

import type { ServerConfig } from './config.ts';
import type { ContentFilter } from './content-filter.ts';
import type { NodeDiffusion } from './diffusion/node-diffusion.ts';
import type { JobQueue } from './job-queue.ts';
import type { ResultCache } from './result-cache.ts';
import type { Storage } from './storage.ts';

export interface ServerContext {
  config: ServerConfig;
  storage: Storage;
  queue: JobQueue;
  filter: ContentFilter;
  cache: ResultCache;
  /** Loads the networks on first use and keeps them; a failed load is tried again next time. */
  diffusion: () => Promise<NodeDiffusion>;
}
