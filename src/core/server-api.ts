// The fallback server's API in types, shared by the server and the sticker worker's client of it
// (platform/browser/diffusion/server-client.ts): the generate body (the server checks it with its
// JSON schema, server/schemas.ts), a job's status,
// and the events its SSE stream sends, which reuse the worker's EngineEvent shapes so the UI keeps
// one reducer for both.

import type { ErrorInfo } from './errors.ts';
import type { StickerStyle } from './sticker-options.ts';
import type { EngineEvent } from './protocol.ts';
import type { RedrawRequest } from './diffusion/redraw-status.ts';
import { isDiffusionSetId, type DiffusionSetId } from './diffusion/model-sets.ts';

/** The user's words as typed; the server makes the English prompt from them like the app does. */
export const MAX_PROMPT_CHARS = 200;

/** Styles the server runs: only the AI redraw needs a GPU; photo and 熊猫头 run on every phone. */
export const SERVER_STYLES = ['ai'] as const satisfies readonly StickerStyle[];

export interface ServerGenerateRequest extends RedrawRequest {
  uploadId: string;
  prompt: string;
  /** The expression the app chose (picker or words), so the server's prompt is the app's; absent: the server reads the words. */
  expression?: string;
  style: (typeof SERVER_STYLES)[number];
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobStatus {
  id: string;
  state: JobState;
  /** Running: model runs done of total (encode, each step, decode). */
  progress?: { done: number; total: number };
  /** Done: where the PNG is. */
  resultUrl?: string;
  /** Done: served from the result cache without running the model. */
  cached?: boolean;
  error?: ErrorInfo;
}

/** The SSE stream: the worker's stage, progress and error events, then done. */
export type JobEvent = Extract<EngineEvent, { type: 'stage' | 'progress' | 'error' }> | { type: 'done'; jobId: string; resultUrl: string; cached: boolean };

/** GET /healthz: what the app needs to route to this server and to tell the user what happens to the photo. */
export interface ServerHealth {
  ok: true;
  models: DiffusionSetId;
  retentionHours: number;
  queue: { waiting: number; running: number };
}

export function parseServerHealth(value: unknown): ServerHealth | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.ok !== true || !isDiffusionSetId(v.models) || typeof v.retentionHours !== 'number') return null;
  const queue = typeof v.queue === 'object' && v.queue !== null ? (v.queue as Record<string, unknown>) : {};
  return { ok: true, models: v.models, retentionHours: v.retentionHours, queue: { waiting: Number(queue.waiting ?? 0), running: Number(queue.running ?? 0) } };
}
