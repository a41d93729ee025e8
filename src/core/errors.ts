// Every failure crosses a boundary (worker → UI, and fallback server → worker → UI) as an ErrorInfo
// with a fixed code, so the UI can branch on the code and tell the user what happened and what to
// do next.

import type { StageName } from './stage-names.ts';
import { ELSEWHERE_REASONS } from './diffusion/capability.ts';

export const ERROR_CODES = [
  'WEBGPU_UNAVAILABLE',
  'DEVICE_LOST',
  'OUT_OF_MEMORY',
  'MODEL_DOWNLOAD_FAILED',
  'MODEL_INTEGRITY',
  /** A model download does not fit in the browser's storage for this site; ErrorInfo.storage says by how much. */
  'STORAGE_FULL',
  'NO_FACE_FOUND',
  'BAD_INPUT',
  'CONTENT_REJECTED',
  'ABORTED',
  'SERVER_BUSY',
  /** Too many requests from one client (the fallback server's rate limit). */
  'RATE_LIMITED',
  /** An upload, job or result the fallback server does not have (never made, or expired). */
  'NOT_FOUND',
  /** The fallback server did not answer (offline, down, or a proxy in the way). */
  'SERVER_UNREACHABLE',
  'WORKER_CRASHED',
  'WORKER_HUNG',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The finer reasons each code can carry, each with its own sentence in the UI; other codes carry none. */
export const ERROR_REASONS = {
  BAD_INPUT: [
    // The photo, as the app or the server reads it.
    'no-photo',
    'unreadable',
    'empty',
    'truncated',
    'not-image',
    'unsupported-format',
    'too-large',
    'undecodable',
    'corrupt',
    // The request around it.
    'unknown-template',
    'ai-request',
    'bad-request',
    'bad-id',
    'not-multipart',
  ],
  MODEL_DOWNLOAD_FAILED: ['text-encoder', 'ai-models'],
  /** 'ai-layout': a network's inputs or outputs match no known layout; 'ai-self-check': the first-load check of the AI set failed. */
  MODEL_INTEGRITY: ['text-encoder', 'ai-models', 'ai-layout', 'ai-self-check'],
  /** The AI redraw has nowhere to run: no redraw in this build, or the gate's reason and no server. */
  WEBGPU_UNAVAILABLE: ['not-configured', ...ELSEWHERE_REASONS],
} as const satisfies { readonly [C in ErrorCode]?: readonly string[] };

export type ReasonedCode = keyof typeof ERROR_REASONS;

/** The reasons `C` can carry (all codes' reasons for ErrorCode itself); never for a code with none. */
export type ErrorReason<C extends ErrorCode = ErrorCode> = C extends ReasonedCode ? (typeof ERROR_REASONS)[C][number] : never;

/** Where a failure happened: a job's stage, or a step outside a job (the text encoder, the server's upload and queue). */
export type ErrorStage = StageName | 'understand' | 'upload' | 'queue';

/** STORAGE_FULL: what a download still needed and what the browser had left for this site, in bytes. */
export interface StorageShortfall {
  neededBytes: number;
  freeBytes: number;
}

export interface ErrorInfo {
  code: ErrorCode;
  /** Developer-facing detail; the UI shows its own localised sentence for the code. */
  message: string;
  retryable: boolean;
  stage?: ErrorStage;
  /** A finer reason within the code (BAD_INPUT: 'empty', 'truncated', ...), for the UI's sentence. */
  reason?: ErrorReason;
  storage?: StorageShortfall;
  /** The model file (manifest id) that failed, so the UI can name it. */
  model?: string;
}

const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'DEVICE_LOST',
  'MODEL_DOWNLOAD_FAILED',
  'SERVER_BUSY',
  'RATE_LIMITED',
  'SERVER_UNREACHABLE',
  'WORKER_CRASHED',
  'WORKER_HUNG',
  'ABORTED',
]);

export class StickerError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly stage: ErrorStage | undefined;
  readonly reason: ErrorReason<C> | undefined;
  readonly storage: StorageShortfall | undefined;
  readonly model: string | undefined;

  constructor(code: C, message: string, where: { stage?: ErrorStage; reason?: ErrorReason<C>; storage?: StorageShortfall; model?: string } = {}) {
    super(message);
    this.name = 'StickerError';
    this.code = code;
    this.stage = where.stage;
    this.reason = where.reason;
    this.storage = where.storage;
    this.model = where.model;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message, retryable: RETRYABLE.has(this.code) };
    if (this.stage !== undefined) info.stage = this.stage;
    if (this.reason !== undefined) info.reason = this.reason;
    if (this.storage !== undefined) info.storage = { ...this.storage };
    if (this.model !== undefined) info.model = this.model;
    return info;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * A reason from another program (the fallback server, a worker of another build) if `code` can
 * carry it; anything else is dropped, so the UI says the code's general sentence.
 */
export function errorReason<C extends ErrorCode>(code: C, value: unknown): ErrorReason<C> | undefined {
  const reasons: readonly string[] | undefined = (ERROR_REASONS as Partial<Record<ErrorCode, readonly string[]>>)[code];
  return typeof value === 'string' && reasons?.includes(value) === true ? (value as ErrorReason<C>) : undefined;
}

/** Anything thrown becomes an ErrorInfo; unknown failures are INTERNAL, tagged with the stage. */
/** What a thrown value says: an Error's message, anything else as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function toErrorInfo(error: unknown, stage?: ErrorStage): ErrorInfo {
  if (error instanceof StickerError) {
    const info = error.toInfo();
    if (info.stage === undefined && stage !== undefined) info.stage = stage;
    return info;
  }
  const message = errorMessage(error);
  const info: ErrorInfo = { code: 'INTERNAL', message, retryable: false };
  if (stage !== undefined) info.stage = stage;
  return info;
}
