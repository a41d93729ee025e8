// The job queue as the routes see it, with two implementations: in this process (memory-jobs.ts,
// the default) and on Redis with BullMQ (redis-jobs.ts, when REDIS_URL is set), where any API
// server answers any job and separate worker processes run them.

import { toErrorInfo, type ErrorInfo } from '../../src/core/errors.ts';
import type { JobEvent, JobStatus, ServerGenerateRequest } from '../../src/core/server-api.ts';
import type { UploadMeta } from '../storage.ts';

/** What a job needs to run anywhere: plain data, so it can wait in Redis. */
export interface JobPayload {
  upload: UploadMeta;
  request: ServerGenerateRequest;
}

/** An event with its id in the job's stream, sent as SSE `id:` so a reconnect resumes after it. */
export interface JobEventEntry {
  id: string;
  event: JobEvent;
}

/**
 * What a job does; it reports through emit, stops with StickerError ABORTED soon after `signal`
 * aborts, and resolves with its result's URL and whether it was cached.
 */
export type Work = (
  jobId: string,
  payload: JobPayload,
  emit: (event: JobEvent) => void,
  signal: AbortSignal,
) => Promise<{ resultUrl: string; cached: boolean }>;

export interface QueueLimits {
  queueMax: number;
  concurrency: number;
  maxJobsPerClient: number;
}

export interface Jobs {
  /** Accepts a job or throws HttpError 429 (the client's limit) or 503 (the queue is full). */
  submit(client: string, payload: JobPayload): Promise<string>;
  /** null: no such job (never made, or forgotten after the retention time). */
  status(id: string): Promise<JobStatus | null>;
  /**
   * Cancels a job and answers its status as it stands: a waiting one has failed ABORTED; a running
   * one fails ABORTED at its next model run; a finished one is left as it is.
   */
  cancel(id: string): Promise<JobStatus | null>;
  /**
   * Sends the job's events after `after` (all of them when null), then the new ones as they come,
   * until done or error; resolves with a function that stops following.
   */
  follow(id: string, after: string | null, send: (entry: JobEventEntry) => void): Promise<() => void>;
  counts(): Promise<{ waiting: number; running: number }>;
  /** Forgets finished jobs older than `before` (Redis forgets them by itself). */
  prune(before: number): void;
  close(): Promise<void>;
}

export const isEnd = (event: JobEvent): boolean => event.type === 'done' || event.type === 'error';

/** A job's failure as the client sees it: internal details (paths, library messages) go to the log only. */
export function failureInfo(error: unknown, log: (error: unknown) => void): ErrorInfo {
  const info = toErrorInfo(error, 'redraw');
  if (info.code === 'INTERNAL') {
    log(error);
    info.message = 'internal error';
  }
  return info;
}
