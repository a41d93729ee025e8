// The in-process job queue (no REDIS_URL): bounded (QUEUE_MAX waiting → 503 with Retry-After),
// QUEUE_CONCURRENCY at once, at most MAX_JOBS_PER_CLIENT unfinished per client (→ 429), events per
// job for SSE, and cancellation: a waiting job leaves the line, a running one is told through its
// abort signal. The networks run in a worker thread (diffusion-thread.ts), so this process keeps
// answering while they do.

import { EventEmitter } from 'node:events';
import { StickerError } from '../../src/core/errors.ts';
import type { JobEvent, JobStatus } from '../../src/core/server-api.ts';
import { HttpError } from '../http-error.ts';
import { newId } from '../ids.ts';
import { failureInfo, isEnd, type JobEventEntry, type JobPayload, type Jobs, type QueueLimits, type Work } from './jobs.ts';

interface Job {
  status: JobStatus;
  client: string;
  payload: JobPayload;
  finishedAt: number | null;
  /** Every event so far (a dozen at most), so a stream opened late still sees the whole job; an event's id is its index. */
  history: JobEvent[];
  events: EventEmitter<{ event: [JobEventEntry] }>;
  /** Aborted by cancel(); the work checks it between model runs. */
  abort: AbortController;
}

/** Until a job has finished, this is the guess of how long one takes, for Retry-After. */
const FIRST_GUESS_MS = 5000;

export class MemoryJobs implements Jobs {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private running = 0;
  private meanMs = FIRST_GUESS_MS;
  private closing = false;
  private idle: (() => void) | null = null;

  constructor(
    private readonly limits: QueueLimits,
    private readonly work: Work,
    private readonly log: (error: unknown) => void,
  ) {}

  async status(id: string): Promise<JobStatus | null> {
    return this.jobs.get(id)?.status ?? null;
  }

  async counts(): Promise<{ waiting: number; running: number }> {
    return { waiting: this.waiting.length, running: this.running };
  }

  /** Seconds until a slot is likely free: the jobs ahead, shared by the workers, at the mean time. */
  private retryAfterSeconds(): number {
    const ahead = this.waiting.length + this.running;
    return Math.max(1, Math.ceil(((ahead / this.limits.concurrency) * this.meanMs) / 1000));
  }

  async submit(client: string, payload: JobPayload): Promise<string> {
    const open = [...this.jobs.values()].filter((j) => j.client === client && j.finishedAt === null).length;
    if (open >= this.limits.maxJobsPerClient) {
      throw new HttpError(429, 'RATE_LIMITED', `at most ${this.limits.maxJobsPerClient} unfinished jobs per client`, {
        retryAfterSeconds: this.retryAfterSeconds(),
      });
    }
    if (this.closing) throw new HttpError(503, 'SERVER_BUSY', 'the server is stopping', { retryAfterSeconds: 1 });
    if (this.waiting.length >= this.limits.queueMax) {
      throw new HttpError(503, 'SERVER_BUSY', 'the queue is full', { retryAfterSeconds: this.retryAfterSeconds() });
    }
    const job: Job = {
      status: { id: newId(), state: 'queued' },
      client,
      payload,
      finishedAt: null,
      history: [],
      events: new EventEmitter(),
      abort: new AbortController(),
    };
    this.jobs.set(job.status.id, job);
    this.waiting.push(job);
    this.next();
    return job.status.id;
  }

  async cancel(id: string): Promise<JobStatus | null> {
    const job = this.jobs.get(id);
    if (job === undefined) return null;
    if (job.finishedAt !== null) return job.status;
    const index = this.waiting.indexOf(job);
    if (index === -1) {
      job.abort.abort();
      return job.status;
    }
    this.waiting.splice(index, 1);
    this.fail(job, new StickerError('ABORTED', 'cancelled while queued', { stage: 'queue' }));
    return job.status;
  }

  async follow(id: string, after: string | null, send: (entry: JobEventEntry) => void): Promise<() => void> {
    const job = this.jobs.get(id);
    if (job === undefined) return () => undefined;
    const listener = (entry: JobEventEntry): void => send(entry);
    const stop = (): void => void job.events.off('event', listener);
    // Events are emitted synchronously, so none falls between the replay and the subscription.
    const first = after === null ? 0 : Number(after) + 1;
    job.history.forEach((event, index) => {
      if (index >= first) send({ id: String(index), event });
    });
    if (job.finishedAt === null) job.events.on('event', listener);
    return stop;
  }

  prune(before: number): void {
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && job.finishedAt < before) this.jobs.delete(id);
  }

  /** Drains: no new jobs, the waiting ones fail SERVER_BUSY (their streams end), the running ones finish. */
  async close(): Promise<void> {
    this.closing = true;
    for (const job of this.waiting.splice(0)) this.fail(job, new StickerError('SERVER_BUSY', 'the server stopped before the job ran', { stage: 'queue' }));
    if (this.running > 0) await new Promise<void>((resolve) => (this.idle = resolve));
  }

  private next(): void {
    while (this.running < this.limits.concurrency && !this.closing) {
      const job = this.waiting.shift();
      if (job === undefined) return;
      this.running += 1;
      void this.run(job).finally(() => {
        this.running -= 1;
        if (this.running === 0) this.idle?.();
        this.next();
      });
    }
  }

  private emit(job: Job, event: JobEvent): void {
    if (event.type === 'progress') job.status.progress = { done: event.done, total: event.total };
    const entry = { id: String(job.history.length), event };
    job.history.push(event);
    job.events.emit('event', entry);
    if (isEnd(event)) job.events.removeAllListeners();
  }

  private fail(job: Job, error: unknown): void {
    const info = failureInfo(error, this.log);
    Object.assign(job.status, { state: 'failed', error: info });
    job.finishedAt = Date.now();
    this.emit(job, { type: 'error', jobId: job.status.id, error: info });
  }

  private async run(job: Job): Promise<void> {
    const began = Date.now();
    job.status.state = 'running';
    try {
      const { resultUrl, cached } = await this.work(job.status.id, job.payload, (event) => this.emit(job, event), job.abort.signal);
      Object.assign(job.status, { state: 'done', resultUrl, cached });
      if (!cached) this.meanMs = 0.7 * this.meanMs + 0.3 * (Date.now() - began);
      job.finishedAt = Date.now();
      this.emit(job, { type: 'done', jobId: job.status.id, resultUrl, cached });
    } catch (error) {
      this.fail(job, error);
    }
  }
}
