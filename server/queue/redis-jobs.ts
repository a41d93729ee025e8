// The queue on Redis (REDIS_URL set): this API server only admits jobs (the client's limit and the
// queue's length), adds them to BullMQ and streams their events; worker processes run them
// (redis-worker.ts). States and events live in Redis, so any API server answers any job, and a
// stream reopened with Last-Event-ID goes on after the last event it saw.

import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { StickerError, toErrorInfo } from '../../src/core/errors.ts';
import type { JobEvent, JobStatus } from '../../src/core/server-api.ts';
import { HttpError } from '../http-error.ts';
import { newId } from '../ids.ts';
import { RedisEventHub } from './redis-event-hub.ts';
import { RedisJobWriter } from './redis-job-writer.ts';
import { CANCEL_CHANNEL, QUEUE_NAME, keys } from './redis-keys.ts';
import type { JobEventEntry, JobPayload, Jobs, QueueLimits } from './jobs.ts';

/** What waits in BullMQ: the payload and whose slot the job holds. */
export interface QueuedJob {
  payload: JobPayload;
  client: string;
}

// KEYS: client set, job hash. ARGV: job id, max per client, status JSON, ttl ms, client.
const ADMIT = `
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('HSET', KEYS[2], 'status', ARGV[3], 'client', ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return 1
`;

/** A job's guessed length for Retry-After: workers report no timings to the API servers. */
const GUESS_MS = 5000;

/** Redis unreachable (restarting, network): the client is told to come back, not that the server broke. */
async function orBusy<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(503, 'SERVER_BUSY', 'the job queue is unreachable', { retryAfterSeconds: 5 });
  }
}

export class RedisJobs implements Jobs {
  private readonly queue: Queue<QueuedJob>;
  private readonly writer: RedisJobWriter;
  private readonly hub: RedisEventHub;

  constructor(
    private readonly redis: Redis,
    private readonly limits: QueueLimits & { retentionMs: number },
    log: (error: unknown) => void,
  ) {
    this.queue = new Queue<QueuedJob>(QUEUE_NAME, { connection: redis, skipWaitingForReady: true });
    this.queue.on('error', log);
    this.writer = new RedisJobWriter(redis, limits.retentionMs);
    this.hub = new RedisEventHub(redis, log);
  }

  private get ttl(): string {
    return String(Math.max(1, Math.round(this.limits.retentionMs)));
  }

  async submit(client: string, payload: JobPayload): Promise<string> {
    return orBusy(async () => {
      const counts = await this.counts();
      const retryAfterSeconds = Math.max(1, Math.ceil((counts.waiting * GUESS_MS) / 1000 / Math.max(1, counts.running)));
      if (counts.waiting >= this.limits.queueMax) throw new HttpError(503, 'SERVER_BUSY', 'the queue is full', { retryAfterSeconds });
      const id = newId();
      const status: JobStatus = { id, state: 'queued' };
      const admitted = await this.redis.eval(
        ADMIT,
        2,
        keys.client(client),
        keys.job(id),
        id,
        this.limits.maxJobsPerClient,
        JSON.stringify(status),
        this.ttl,
        client,
      );
      if (admitted !== 1) {
        throw new HttpError(429, 'RATE_LIMITED', `at most ${this.limits.maxJobsPerClient} unfinished jobs per client`, { retryAfterSeconds });
      }
      try {
        await this.queue.add('redraw', { payload, client }, { jobId: id, removeOnComplete: true, removeOnFail: true });
      } catch (error) {
        // Not accepted after all: the client is told 503 and the slot is given back if Redis lets us.
        await this.redis
          .multi()
          .srem(keys.client(client), id)
          .del(keys.job(id))
          .exec()
          .catch(() => undefined);
        throw error;
      }
      return id;
    });
  }

  async status(id: string): Promise<JobStatus | null> {
    const json = await orBusy(() => this.redis.hget(keys.job(id), 'status'));
    return json === null ? null : (JSON.parse(json) as JobStatus);
  }

  async cancel(id: string): Promise<JobStatus | null> {
    return orBusy(async () => {
      const [status, client, ended] = await this.redis.hmget(keys.job(id), 'status', 'client', 'end');
      if (status === null || status === undefined || client === null || client === undefined) return null;
      if (ended === '1') return JSON.parse(status) as JobStatus;
      // A waiting job leaves the queue now; BullMQ refuses to remove one a worker holds (locked).
      const removed = await this.queue.remove(id).catch(() => 0);
      if (removed === 1) {
        const error = toErrorInfo(new StickerError('ABORTED', 'cancelled while queued', { stage: 'queue' }), 'queue');
        const failed: JobStatus = { id, state: 'failed', error };
        const event: JobEvent = { type: 'error', jobId: id, error };
        await this.writer.emit(id, client, event, failed);
        return (await this.status(id)) ?? failed;
      }
      await this.redis.hset(keys.job(id), 'cancel', '1');
      await this.redis.publish(CANCEL_CHANNEL, id);
      return (await this.status(id)) ?? (JSON.parse(status) as JobStatus);
    });
  }

  follow(id: string, after: string | null, send: (entry: JobEventEntry) => void): Promise<() => void> {
    return this.hub.follow(id, after, send);
  }

  async counts(): Promise<{ waiting: number; running: number }> {
    const counts = await orBusy(() => this.queue.getJobCounts('waiting', 'active', 'prioritized'));
    return { waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0), running: counts.active ?? 0 };
  }

  prune(): void {
    // Every key expires with RETENTION_HOURS.
  }

  async close(): Promise<void> {
    await this.hub.close();
    await this.queue.close();
  }
}
