// Every failure crosses a boundary (worker → UI, and fallback server → worker → UI) as an ErrorInfo
// with a fixed code, so the UI can branch on the code and tell the user what happened and what to
// do next.

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
  stage?: string;
  /** A finer reason within the code (BAD_INPUT: 'empty', 'truncated', ...), for the UI's sentence. */
  reason?: string;
  storage?: StorageShortfall;
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

export class StickerError extends Error {
  readonly code: ErrorCode;
  readonly stage: string | undefined;
  readonly reason: string | undefined;
  readonly storage: StorageShortfall | undefined;

  constructor(code: ErrorCode, message: string, where: { stage?: string; reason?: string; storage?: StorageShortfall } = {}) {
    super(message);
    this.name = 'StickerError';
    this.code = code;
    this.stage = where.stage;
    this.reason = where.reason;
    this.storage = where.storage;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message, retryable: RETRYABLE.has(this.code) };
    if (this.stage !== undefined) info.stage = this.stage;
    if (this.reason !== undefined) info.reason = this.reason;
    if (this.storage !== undefined) info.storage = { ...this.storage };
    return info;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Anything thrown becomes an ErrorInfo; unknown failures are INTERNAL, tagged with the stage. */
export function toErrorInfo(error: unknown, stage?: string): ErrorInfo {
  if (error instanceof StickerError) {
    const info = error.toInfo();
    if (info.stage === undefined && stage !== undefined) info.stage = stage;
    return info;
  }
  const message = error instanceof Error ? error.message : String(error);
  const info: ErrorInfo = { code: 'INTERNAL', message, retryable: false };
  if (stage !== undefined) info.stage = stage;
  return info;
}
