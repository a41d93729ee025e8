// Retention: uploads and results older than RETENTION_HOURS are deleted, and finished jobs
// forgotten, at start-up and then every SWEEP_MINUTES, so photos never pile up on the server.

import type { Jobs } from './queue/jobs.ts';
import type { Storage } from './storage.ts';

export interface Sweeper {
  /** One pass now; resolves with the number of files deleted. */
  sweep(): Promise<number>;
  stop(): void;
}

export function startSweeper(storage: Storage, queue: Jobs, times: { retentionMs: number; sweepIntervalMs: number }, log: (error: unknown) => void): Sweeper {
  const sweep = (): Promise<number> => {
    const before = Date.now() - times.retentionMs;
    queue.prune(before);
    return storage.deleteOlderThan(before);
  };
  const timer = setInterval(() => void sweep().catch(log), Math.max(1000, times.sweepIntervalMs));
  timer.unref(); // never what keeps the process alive
  return { sweep, stop: () => clearInterval(timer) };
}
