// What the routes share: the config, storage, jobs, filter and result cache, and the open event streams.

import type { ServerConfig } from './config.ts';
import type { ContentFilter } from './content-filter.ts';
import type { Jobs } from './queue/jobs.ts';
import type { ResultCache } from './result-cache.ts';
import type { Storage } from './storage.ts';

export interface ServerContext {
  config: ServerConfig;
  storage: Storage;
  queue: Jobs;
  filter: ContentFilter;
  cache: ResultCache;
  /** Ends each open SSE stream and its connection, so a closing server is not held open by them (their clients reconnect elsewhere). */
  streams: Set<() => void>;
}
