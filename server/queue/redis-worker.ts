// A worker process's side of the Redis queue (`npm run server:worker`): takes jobs from BullMQ,
// QUEUE_CONCURRENCY at a time, runs them and writes their states and events to Redis. A worker that
// dies mid-job stops renewing the job's lock; after JOB_LOCK_SECONDS another worker's stalled-job
// check puts the job back and it runs again from the start (its stream shows both runs; it ends
// once). Close drains: the running jobs finish, no new one is taken.

import { hostname } from 'node:os';
import { Worker, type Job as BullJob } from 'bullmq';
import type { Redis } from 'ioredis';
import { StickerError } from '../../src/core/errors.ts';
import type { JobEvent, JobStatus } from '../../src/core/server-api.ts';
import { failureInfo, type Work } from './jobs.ts';
import { RedisJobWriter } from './redis-job-writer.ts';
import { CANCEL_CHANNEL, QUEUE_NAME } from './redis-keys.ts';
import type { QueuedJob } from './redis-jobs.ts';

/** A job whose worker stopped twice in the middle of it is failed rather than tried a third time. */
const MAX_STALLS = 2;

export interface RedisWorkerOptions {
  concurrency: number;
  jobLockMs: number;
  retentionMs: number;
}

export interface RedisWorker {
  /** Who this worker is in a job's hash: host and process id. */
  readonly name: string;
  close(): Promise<void>;
}

export function startRedisWorker(redis: Redis, options: RedisWorkerOptions, work: Work, log: (error: unknown) => void): RedisWorker {
  const name = `${hostname()}:${process.pid}`;
  const writer = new RedisJobWriter(redis, options.retentionMs);
  const running = new Map<string, AbortController>();
  const cancels = redis.duplicate();
  cancels.on('error', () => undefined); // reconnects by itself; the main connection logs
  cancels.on('message', (_channel: string, id: string) => running.get(id)?.abort());
  void cancels.subscribe(CANCEL_CHANNEL);

  const fail = (id: string, client: string, error: unknown): Promise<boolean> => {
    const info = failureInfo(error, log);
    const status: JobStatus = { id, state: 'failed', error: info };
    return writer.emit(id, client, { type: 'error', jobId: id, error: info }, status);
  };

  const run = async (bull: BullJob<QueuedJob>): Promise<void> => {
    const id = bull.id ?? '';
    const { payload, client } = bull.data;
    const began = await writer.begin(id, name);
    if (began === 'ended') return;
    if (began === 'cancelled') {
      await fail(id, client, new StickerError('ABORTED', 'cancelled before it ran', { stage: 'queue' }));
      return;
    }
    const abort = new AbortController();
    running.set(id, abort);
    const status: JobStatus = { id, state: 'running' };
    // Events are written in order, each after the one before; the end waits for them all.
    let written = Promise.resolve();
    const emit = (event: JobEvent): void => {
      if (event.type === 'progress') status.progress = { done: event.done, total: event.total };
      const snapshot = { ...status };
      written = written.then(async () => void (await writer.emit(id, client, event, snapshot)));
    };
    try {
      const result = await work(id, payload, emit, abort.signal);
      await written;
      const done: JobStatus = { id, state: 'done', ...result };
      await writer.emit(id, client, { type: 'done', jobId: id, ...result }, done);
    } catch (error) {
      await written;
      await fail(id, client, error);
    } finally {
      running.delete(id);
    }
  };

  const worker = new Worker<QueuedJob>(QUEUE_NAME, run, {
    connection: redis,
    concurrency: options.concurrency,
    lockDuration: options.jobLockMs,
    stalledInterval: Math.max(1000, options.jobLockMs / 2),
    maxStalledCount: MAX_STALLS,
  });
  worker.on('error', log);
  // Only BullMQ's own failures reach here (a job stalled too often); a job's errors end it in run().
  worker.on('failed', (bull, error) => {
    if (bull?.id !== undefined) void fail(bull.id, bull.data.client, new StickerError('INTERNAL', error.message, { stage: 'queue' })).catch(log);
  });

  return {
    name,
    close: async () => {
      await worker.close();
      cancels.disconnect();
    },
  };
}
