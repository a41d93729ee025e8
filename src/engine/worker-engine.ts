// The StickerEngine on a dedicated Web Worker. Owns the worker's life: a worker that throws, or
// says nothing for `stallMs` while a job is open, is terminated and replaced, and its open jobs
// fail with WORKER_CRASHED / WORKER_HUNG. The photo never lives only in the worker.

import type { ErrorCode, ErrorInfo } from '../core/errors.ts';
import type { AiDevicePreference } from '../core/diffusion/capability.ts';
import type { GenerateRequest } from '../core/sticker-options.ts';
import type { Command, EngineEvent, InitOptions, StickerResult } from '../core/protocol.ts';
import { JobFailedError, type Job, type StickerEngine } from './sticker-engine.ts';
import { errorMessage } from '../core/errors.ts';

export interface WorkerEngineOptions {
  createWorker: () => Worker;
  /** The person segmenter's worker, started when the sticker worker asks and stopped with it. */
  createSegmenterWorker: () => Worker;
  init: InitOptions;
  /** Silence, while a job is open, after which the worker counts as hung. */
  stallMs: number;
}

interface OpenJob {
  resolve: (result: StickerResult) => void;
  reject: (error: JobFailedError) => void;
  onEvent: (event: EngineEvent) => void;
}

export class WorkerEngine implements StickerEngine {
  private worker: Worker | undefined;
  private segmenter: Worker | undefined;
  private workerReady = false;
  private readonly jobs = new Map<string, OpenJob>();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  /** What the worker said last, for the hung worker's error detail: where it stopped. */
  private lastWord = 'nothing since it started';

  constructor(private readonly options: WorkerEngineOptions) {
    this.spawn();
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  generate(photo: Blob, request: GenerateRequest, onEvent: (event: EngineEvent) => void): Job {
    const jobId = crypto.randomUUID();
    const result = new Promise<StickerResult>((resolve, reject) => {
      this.jobs.set(jobId, { resolve, reject, onEvent });
    });
    const worker = this.worker ?? this.spawn();
    this.armWatchdog();
    let sent = false;
    // A fresh copy of the bytes is transferred; the caller's Blob is untouched.
    photo.arrayBuffer().then(
      (bytes) => {
        if (this.worker === worker && this.jobs.has(jobId)) {
          this.send({ type: 'generate', jobId, photo: bytes, request }, [bytes]);
          sent = true;
        }
      },
      (error: unknown) => this.settle(jobId, { code: 'BAD_INPUT', message: `photo unreadable: ${String(error)}`, retryable: false, reason: 'unreadable' }),
    );
    // A cancel before the photo is read would reach the worker ahead of its job, and be lost there.
    const cancel = () =>
      sent ? this.send({ type: 'cancel', jobId }) : this.settle(jobId, { code: 'ABORTED', message: 'cancelled before it started', retryable: true });
    return { jobId, result, cancel };
  }

  look(photo: Blob, person: boolean): void {
    const worker = this.worker ?? this.spawn();
    // Only a head start: a photo that cannot be read fails its job, in words, when it is asked for.
    photo.arrayBuffer().then(
      (bytes) => {
        if (this.worker === worker) worker.postMessage({ type: 'look', photo: bytes, person } satisfies Command, [bytes]);
      },
      () => undefined,
    );
  }

  loadRedraw(): void {
    (this.worker ?? this.spawn()).postMessage({ type: 'redraw-load' } satisfies Command);
  }

  cancelRedraw(): void {
    this.send({ type: 'redraw-cancel' });
  }

  preferRedraw(device: AiDevicePreference): void {
    const ai = this.options.init.ai;
    if (ai === undefined) return;
    // Kept in the init options too, so a replacement worker starts with the user's choice.
    ai.device = device;
    this.send({ type: 'redraw-prefer', device });
  }

  dispose(): void {
    this.send({ type: 'dispose' });
    this.stop('ABORTED', 'engine disposed');
    this.listeners.clear();
  }

  private spawn(): Worker {
    const worker = this.options.createWorker();
    this.worker = worker;
    this.workerReady = false;
    this.lastWord = 'nothing since it started';
    worker.onmessage = (message: MessageEvent<EngineEvent>) => this.receive(worker, message.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (this.worker === worker) this.replace('WORKER_CRASHED', event.message || 'the worker failed to start');
    };
    worker.onmessageerror = () => {
      if (this.worker === worker) this.replace('WORKER_CRASHED', 'a message from the worker could not be read');
    };
    this.send({ type: 'init', options: this.options.init });
    return worker;
  }

  private send(command: Command, transfer: Transferable[] = []): void {
    this.worker?.postMessage(command, transfer);
  }

  private receive(worker: Worker, event: EngineEvent): void {
    if (this.worker !== worker) return;
    this.lastWord = event.type === 'stage' ? `${event.stage} ${event.phase}` : event.type;
    if (this.jobs.size > 0) this.armWatchdog();
    if (event.type === 'segmenter-wanted' || event.type === 'segmenter-close') {
      if (event.type === 'segmenter-wanted') this.startSegmenter();
      else this.stopSegmenter();
      return;
    }
    if (event.type === 'ready') this.workerReady = true;
    const jobId = 'jobId' in event ? event.jobId : null;
    if (jobId === null) {
      for (const listener of this.listeners) listener(event);
      return;
    }
    const job = this.jobs.get(jobId);
    if (job === undefined) return;
    job.onEvent(event);
    if (event.type === 'result') {
      this.jobs.delete(jobId);
      job.resolve(event);
      this.disarmIfIdle();
    } else if (event.type === 'error') {
      this.settle(jobId, event.error);
    }
  }

  private settle(jobId: string, info: ErrorInfo): void {
    const job = this.jobs.get(jobId);
    if (job === undefined) return;
    this.jobs.delete(jobId);
    job.reject(new JobFailedError(info));
    this.disarmIfIdle();
  }

  private armWatchdog(): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.replace('WORKER_HUNG', `no word from the worker for ${this.options.stallMs} ms; its last: ${this.lastWord}`);
    }, this.options.stallMs);
  }

  private disarmIfIdle(): void {
    if (this.jobs.size === 0) {
      clearTimeout(this.watchdog);
      this.watchdog = undefined;
    }
  }

  /**
   * Starts the segmenter's worker and hands the sticker worker one end of a channel to it; the other
   * end goes to the segmenter, which answers there only. Its failure to run is passed on in words.
   */
  private startSegmenter(): void {
    this.stopSegmenter();
    let segmenter: Worker;
    try {
      segmenter = this.options.createSegmenterWorker();
    } catch (error) {
      this.send({ type: 'segmenter-failed', message: errorMessage(error) });
      return;
    }
    this.segmenter = segmenter;
    segmenter.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (this.segmenter !== segmenter) return;
      this.stopSegmenter();
      this.send({ type: 'segmenter-failed', message: event.message || 'its script did not run' });
    };
    const channel = new MessageChannel();
    segmenter.postMessage({ type: 'port' }, [channel.port1]);
    this.send({ type: 'segmenter-port', port: channel.port2 }, [channel.port2]);
  }

  private stopSegmenter(): void {
    this.segmenter?.terminate();
    this.segmenter = undefined;
  }

  /** Fail every open job and drop the worker. */
  private stop(code: ErrorCode, message: string): void {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.stopSegmenter();
    this.worker?.terminate();
    this.worker = undefined;
    const info: ErrorInfo = { code, message, retryable: true };
    for (const jobId of [...this.jobs.keys()]) this.settle(jobId, info);
  }

  /**
   * Terminate and report. A worker that had started is replaced at once (models warm again); one
   * that never became ready is replaced on the next job, so a broken deployment cannot loop.
   */
  private replace(code: ErrorCode, message: string): void {
    const hadStarted = this.workerReady;
    this.stop(code, message);
    for (const listener of this.listeners) listener({ type: 'error', jobId: null, error: { code, message, retryable: true } });
    if (hadStarted) this.spawn();
  }
}
