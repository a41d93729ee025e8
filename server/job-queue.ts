// The in-process job queue: bounded (QUEUE_MAX waiting → 503 with Retry-After), QUEUE_CONCURRENCY
// at once, at most MAX_JOBS_PER_CLIENT unfinished per client (→ 429), events per job for SSE, and
// cancellation: a waiting job leaves the line, a running one is told through its abort signal.
// At scale this is a Redis-backed queue (BullMQ) with GPU workers; the job shapes stay the same.

import { EventEmitter } from 'node:events';
import { StickerError, toErrorInfo } from '../src/core/errors.ts';
import type { JobEvent, JobStatus } from '../src/core/server-api.ts';
import { HttpError } from './http-error.ts';
import { newId } from './ids.ts';

export interface Job {
  status: JobStatus;
  client: string;
  finishedAt: number | null;
  /** Every event so far (a dozen at most), so a stream opened late still sees the whole job. */
  history: JobEvent[];
  events: EventEmitter<{ event: [JobEvent] }>;
  /** Aborted by cancel(); the work checks it between model runs. */
  abort: AbortController;
}

/**
 * What a job does; it reports through emit, stops with StickerError ABORTED soon after `signal`
 * aborts, and resolves with its result's URL and whether it was cached.
 */
export type Work = (job: Job, emit: (event: JobEvent) => void, signal: AbortSignal) => Promise<{ resultUrl: string; cached: boolean }>;

export interface QueueLimits {
  queueMax: number;
  concurrency: number;
  maxJobsPerClient: number;
}

/** Until a job has finished, this is the guess of how long one takes, for Retry-After. */
const FIRST_GUESS_MS = 5000;

export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: { job: Job; work: Work }[] = [];
  private running = 0;
  private meanMs = FIRST_GUESS_MS;

  constructor(
    private readonly limits: QueueLimits,
    private readonly log: (error: unknown) => void,
  ) {}

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  counts(): { waiting: number; running: number } {
    return { waiting: this.waiting.length, running: this.running };
  }

  /** Seconds until a slot is likely free: the jobs ahead, shared by the workers, at the mean time. */
  retryAfterSeconds(): number {
    const ahead = this.waiting.length + this.running;
    return Math.max(1, Math.ceil(((ahead / this.limits.concurrency) * this.meanMs) / 1000));
  }

  submit(client: string, work: Work): Job {
    const open = [...this.jobs.values()].filter((j) => j.client === client && j.finishedAt === null).length;
    if (open >= this.limits.maxJobsPerClient) {
      throw new HttpError(429, 'RATE_LIMITED', `at most ${this.limits.maxJobsPerClient} unfinished jobs per client`, {
        retryAfterSeconds: this.retryAfterSeconds(),
      });
    }
    if (this.waiting.length >= this.limits.queueMax) {
      throw new HttpError(503, 'SERVER_BUSY', 'the queue is full', { retryAfterSeconds: this.retryAfterSeconds() });
    }
    const job: Job = {
      status: { id: newId(), state: 'queued' },
      client,
      finishedAt: null,
      history: [],
      events: new EventEmitter(),
      abort: new AbortController(),
    };
    this.jobs.set(job.status.id, job);
    this.waiting.push({ job, work });
    this.next();
    return job;
  }

  /**
   * Cancels a job: a waiting one fails ABORTED now; a running one is signalled and fails ABORTED
   * at its next model run (or finishes, if it was past its last). A finished job is left as it is.
   */
  cancel(job: Job): void {
    if (job.finishedAt !== null) return;
    const index = this.waiting.findIndex((item) => item.job === job);
    if (index === -1) {
      job.abort.abort();
      return;
    }
    this.waiting.splice(index, 1);
    this.fail(job, new StickerError('ABORTED', 'cancelled while queued', { stage: 'queue' }));
  }

  /** Forgets finished jobs older than `before`; their files go with the storage sweep. */
  prune(before: number): void {
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && job.finishedAt < before) this.jobs.delete(id);
  }

  private next(): void {
    while (this.running < this.limits.concurrency) {
      const item = this.waiting.shift();
      if (item === undefined) return;
      this.running += 1;
      void this.run(item.job, item.work).finally(() => {
        this.running -= 1;
        this.next();
      });
    }
  }

  private emit(job: Job, event: JobEvent): void {
    if (event.type === 'progress') job.status.progress = { done: event.done, total: event.total };
    job.history.push(event);
    job.events.emit('event', event);
  }

  private fail(job: Job, error: unknown): void {
    const info = toErrorInfo(error, 'redraw');
    // Internal details (paths, library messages) go to the log, not to the client.
    if (info.code === 'INTERNAL') {
      this.log(error);
      info.message = 'internal error';
    }
    Object.assign(job.status, { state: 'failed', error: info });
    job.finishedAt = Date.now();
    this.emit(job, { type: 'error', jobId: job.status.id, error: info });
  }

  private async run(job: Job, work: Work): Promise<void> {
    const began = Date.now();
    job.status.state = 'running';
    try {
      const { resultUrl, cached } = await work(job, (event) => this.emit(job, event), job.abort.signal);
      Object.assign(job.status, { state: 'done', resultUrl, cached });
      if (!cached) this.meanMs = 0.7 * this.meanMs + 0.3 * (Date.now() - began);
      job.finishedAt = Date.now();
      this.emit(job, { type: 'done', jobId: job.status.id, resultUrl, cached });
    } catch (error) {
      this.fail(job, error);
    }
  }
}
