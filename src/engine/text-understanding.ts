// Free-text understanding for the UI: one text encoder's worker behind a small promise API. The
// worker starts when free text first needs it, not as the page opens (it brings onnxruntime-web);
// a cached or bundled encoder then loads by itself, one that would download asks first through its
// 'needs-download' status. A crashed worker fails its open requests and is
// replaced on the next load, so the user can retry.

import type { ErrorInfo } from '../core/errors.ts';
import type { RankedExpression } from '../core/expression/embedding-match.ts';
import { sumProgress } from '../core/models/download-rate.ts';
import { isTextEncoderId, type TextEncoderId } from '../core/models/text-encoders.ts';
import type { DownloadProgress } from '../core/platform.ts';
import type { TextCommand, TextEncoderStatus, TextEvent } from '../core/text-protocol.ts';
import { runtimeChoices } from './runtime-choices.ts';

export interface Ranked {
  ranking: RankedExpression[];
  ms: number;
  fromCache: boolean;
}

export class RankFailedError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(`${info.code}: ${info.message}`);
    this.name = 'RankFailedError';
  }
}

export interface TextUnderstandingEvents {
  onStatus: (status: TextEncoderStatus) => void;
  /** Summed over the encoder's files. */
  onDownload: (progress: Omit<DownloadProgress, 'model'>) => void;
}

/** The encoder `?encoder=` pins for all text (tests, comparisons), or null: chosen by the text's language. */
export function textEncoderFromUrl(search: string): TextEncoderId | null {
  const value = new URLSearchParams(search).get('encoder');
  return isTextEncoderId(value) ? value : null;
}

export class TextUnderstanding {
  private worker: Worker | undefined;
  private readonly pending = new Map<string, { resolve: (r: Ranked) => void; reject: (e: RankFailedError) => void }>();
  /** Download progress per file of the encoder. */
  private readonly files = new Map<string, DownloadProgress>();

  constructor(
    private readonly location: Location,
    private readonly encoder: TextEncoderId,
    private readonly events: TextUnderstandingEvents,
  ) {}

  /** Starts the worker, if it is not running. */
  start(): void {
    this.worker ??= this.spawn();
  }

  /** Start (download if need be) the encoder; after a failure this tries again. */
  load(): void {
    (this.worker ?? this.spawn()).postMessage({ type: 'load' } satisfies TextCommand);
  }

  rank(text: string): Promise<Ranked> {
    const requestId = crypto.randomUUID();
    const worker = this.worker ?? this.spawn();
    return new Promise<Ranked>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      worker.postMessage({ type: 'rank', requestId, text } satisfies TextCommand);
    });
  }

  dispose(): void {
    this.worker?.postMessage({ type: 'dispose' } satisfies TextCommand);
    this.worker = undefined;
    this.failPending({ code: 'ABORTED', message: 'text understanding disposed', retryable: false });
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../../workers/text-encoder.worker.ts', import.meta.url), { type: 'module', name: 'text-encoder' });
    worker.onmessage = (message: MessageEvent<TextEvent>) => this.receive(message.data);
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (this.worker === worker) this.worker = undefined;
      const error: ErrorInfo = { code: 'WORKER_CRASHED', message: event.message || 'text-encoder worker crashed', retryable: true, stage: 'understand' };
      this.failPending(error);
      this.events.onStatus({ status: 'failed', error });
    };
    this.worker = worker;
    this.files.clear();
    const assetBase = new URL(import.meta.env.BASE_URL, this.location.href).href;
    const { textDevice, singleThreadWasm } = runtimeChoices(this.location.search, navigator.userAgent);
    const options = { assetBase, encoder: this.encoder, device: textDevice, singleThreadWasm };
    worker.postMessage({ type: 'init', options } satisfies TextCommand);
    return worker;
  }

  private receive(event: TextEvent): void {
    switch (event.type) {
      case 'status': {
        const { type, ...status } = event;
        this.events.onStatus(status);
        return;
      }
      case 'download': {
        const { type, ...progress } = event;
        this.files.set(progress.model, progress);
        this.events.onDownload(sumProgress([...this.files.values()]));
        return;
      }
      case 'ranked':
        this.pending.get(event.requestId)?.resolve({ ranking: event.ranking, ms: event.ms, fromCache: event.fromCache });
        this.pending.delete(event.requestId);
        return;
      case 'error':
        this.pending.get(event.requestId)?.reject(new RankFailedError(event.error));
        this.pending.delete(event.requestId);
        return;
    }
  }

  private failPending(error: ErrorInfo): void {
    for (const { reject } of this.pending.values()) reject(new RankFailedError(error));
    this.pending.clear();
  }
}
