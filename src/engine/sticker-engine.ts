// How the UI reaches a sticker pipeline. One engine, the worker: it runs every stage here and, when
// the engine picker says so, sends the AI redraw alone to the fallback server.

import type { ErrorInfo } from '../core/errors.ts';
import type { AiDevicePreference } from '../core/diffusion/capability.ts';
import type { GenerateRequest } from '../core/sticker-options.ts';
import type { EngineEvent, StickerResult } from '../core/protocol.ts';

/** A job's failure as the UI sees it: always a coded ErrorInfo. */
export class JobFailedError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(`${info.code}: ${info.message}`);
    this.name = 'JobFailedError';
    this.info = info;
  }
}

export interface Job {
  jobId: string;
  result: Promise<StickerResult>;
  cancel(): void;
}

export interface StickerEngine {
  /** The photo is read, not consumed: the caller's Blob stays usable whatever happens to the job. */
  generate(photo: Blob, request: GenerateRequest, onEvent: (event: EngineEvent) => void): Job;
  /**
   * A photo was chosen: the face model starts now rather than at the first 生成, and the photo is
   * read, its faces found and (`person`) its person cut while the words are typed.
   */
  look(photo: Blob, person: boolean): void;
  /** Engine-wide events: ready (with the GPU report), model downloads, errors outside a job. */
  subscribe(listener: (event: EngineEvent) => void): () => void;
  /** Download and load the AI redraw's models now; progress and failure arrive as 'redraw' events. */
  loadRedraw(): void;
  /** Stop the AI models' download (what is stored is kept for a resume). */
  cancelRedraw(): void;
  /** Where the AI redraw runs (the user's setting); a new 'redraw' status follows. */
  preferRedraw(device: AiDevicePreference): void;
  dispose(): void;
}
