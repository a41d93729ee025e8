// The single-process server's jobs (no REDIS_URL): the in-memory queue running redraws here, with
// the networks in a worker thread loaded on the first job.

import type { ServerConfig } from './config.ts';
import { loadThreadedDiffusion } from './diffusion/diffusion-thread.ts';
import type { NodeDiffusion } from './diffusion/node-diffusion.ts';
import { MemoryJobs } from './queue/memory-jobs.ts';
import { redrawWork } from './redraw-job.ts';
import type { ResultCache } from './result-cache.ts';
import type { Storage } from './storage.ts';

export type LoadDiffusion = (config: ServerConfig) => Promise<NodeDiffusion<string> & { close?(): Promise<void> }>;

const loadDiffusionThread: LoadDiffusion = (config) => loadThreadedDiffusion({ setId: config.models, sharedModelsDir: config.sharedModelsDir });

/** Loads on first use and keeps it; a failed load is tried again next time. */
function lazy<T>(load: () => Promise<T>): { get: () => Promise<T>; loaded: () => Promise<T> | null } {
  let pending: Promise<T> | null = null;
  return {
    get: () => {
      pending ??= load().catch((error: unknown) => {
        pending = null;
        throw error;
      });
      return pending;
    },
    loaded: () => pending,
  };
}

export interface LocalJobs {
  jobs: MemoryJobs;
  close(): Promise<void>;
}

export function startLocalJobs(
  config: ServerConfig,
  storage: Storage,
  cache: ResultCache,
  load: LoadDiffusion = loadDiffusionThread,
  log: (error: unknown) => void,
): LocalJobs {
  const diffusion = lazy(() => load(config));
  const work = redrawWork({ storage, cache, diffusion: diffusion.get, models: config.models, maxPixels: config.maxUploadPixels });
  return {
    jobs: new MemoryJobs(config, work, log),
    close: async () => {
      await (await diffusion.loaded()?.catch(() => null))?.close?.();
    },
  };
}
