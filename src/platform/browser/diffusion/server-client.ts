// The fallback server's HTTP API as the sticker worker calls it: health, upload, generate, the
// job's events (SSE read with fetch, so a cancel aborts it and the network policy sees it), the
// result, cancel. The server's {error: {code, message}} becomes a StickerError with the same code,
// so the UI says the same sentence as for a local failure.

import { errorReason, isErrorCode, StickerError, type ErrorCode, type ErrorReason, errorMessage } from '../../../core/errors.ts';
import { parseServerHealth, type JobEvent, type ServerGenerateRequest, type ServerHealth } from '../../../core/server-api.ts';
import { sseParser } from '../../../core/sse-parser.ts';

const HEALTH_TIMEOUT_MS = 8000;
/** A dropped event stream is opened again (the server replays the job's events); then it gives up. */
const STREAM_RETRIES = 3;
const RETRY_DELAY_MS = 1000;

const unreachable = (base: string, why: unknown): StickerError => new StickerError('SERVER_UNREACHABLE', `${base}: ${errorMessage(why)}`, { stage: 'redraw' });

/** fetch that turns a network failure into SERVER_UNREACHABLE and an abort into ABORTED. */
async function request(base: string, path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(new URL(path, base), init);
  } catch (error) {
    if (init.signal?.aborted === true) throw new StickerError('ABORTED', 'cancelled', { stage: 'redraw' });
    throw unreachable(base, error);
  }
}

/** The server's reason when it is one the app knows for the code (a newer server may send others). */
function reasonOf(code: ErrorCode, value: unknown): { reason?: ErrorReason } {
  const reason = errorReason(code, value);
  return reason === undefined ? {} : { reason };
}

/** A non-2xx answer as the server's own error, or as what the status says when the body is not ours (a proxy's page). */
async function failure(response: Response): Promise<StickerError> {
  const body: unknown = await response.json().catch(() => null);
  const error = typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown; message?: unknown; reason?: unknown } }).error : undefined;
  if (error !== undefined && isErrorCode(error.code)) {
    return new StickerError(error.code, String(error.message ?? response.statusText), { stage: 'redraw', ...reasonOf(error.code, error.reason) });
  }
  const code =
    response.status === 429
      ? 'RATE_LIMITED'
      : response.status === 503
        ? 'SERVER_BUSY'
        : response.status >= 500 || response.status === 404
          ? 'SERVER_UNREACHABLE'
          : 'INTERNAL';
  return new StickerError(code, `${response.url}: HTTP ${response.status}`, { stage: 'redraw' });
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export async function serverHealth(base: string): Promise<ServerHealth> {
  const response = await request(base, 'healthz', { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS), cache: 'no-store' });
  if (!response.ok) throw await failure(response);
  const health = parseServerHealth(await response.json().catch(() => null));
  if (health === null) throw unreachable(base, 'not a BiaoQing server');
  return health;
}

export async function uploadImage(base: string, png: Blob, signal: AbortSignal): Promise<string> {
  const form = new FormData();
  form.append('file', png, 'square.png');
  return (await json<{ id: string }>(await request(base, 'api/upload', { method: 'POST', body: form, signal }))).id;
}

export async function startJob(base: string, body: ServerGenerateRequest, signal: AbortSignal): Promise<string> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal };
  return (await json<{ jobId: string }>(await request(base, 'api/generate', init))).jobId;
}

/** Tells the server to drop the job; best effort, since the user has already moved on. */
export function cancelJob(base: string, jobId: string): void {
  void fetch(new URL(`api/jobs/${jobId}`, base), { method: 'DELETE' }).catch(() => undefined);
}

export interface JobListener {
  onEvent(event: JobEvent): void;
  /** Any bytes, the server's heartbeat included: the job is still alive while it waits in the queue. */
  onAlive(): void;
}

/** Reads one event stream until the job ends (the result's URL) or the stream drops (null). */
async function streamOnce(base: string, jobId: string, signal: AbortSignal, listener: JobListener): Promise<string | null> {
  const response = await request(base, `api/jobs/${jobId}/events`, { signal, cache: 'no-store' });
  if (!response.ok || response.body === null) throw await failure(response);
  const end: { outcome: { url: string } | StickerError | null } = { outcome: null };
  const push = sseParser(({ data }) => {
    const event = JSON.parse(data) as JobEvent;
    if (event.type === 'done') end.outcome = { url: event.resultUrl };
    else if (event.type === 'error')
      end.outcome = new StickerError(event.error.code, event.error.message, { stage: 'redraw', ...reasonOf(event.error.code, event.error.reason) });
    else listener.onEvent(event);
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value !== undefined) {
        listener.onAlive();
        push(value);
      }
      const ended = end.outcome;
      if (ended instanceof StickerError) throw ended;
      if (ended !== null) return ended.url;
      if (done) return null;
    }
  } catch (error) {
    if (signal.aborted) throw new StickerError('ABORTED', 'cancelled', { stage: 'redraw' });
    if (error instanceof StickerError) throw error;
    return null;
  } finally {
    // Closes the connection when we stop early (an error event, a cancel).
    void reader.cancel().catch(() => undefined);
  }
}

/** Follows the job to its end; progress events are passed on. Resolves with the result's URL. */
export async function followJob(base: string, jobId: string, signal: AbortSignal, listener: JobListener): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    const url = await streamOnce(base, jobId, signal, listener);
    if (url !== null) return url;
    if (attempt >= STREAM_RETRIES) throw unreachable(base, `the job's event stream kept dropping (${jobId})`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
}

/** `url` as the server gives it ("/api/download/…"), read under `base` so a server behind a path prefix works too. */
export async function downloadResult(base: string, url: string, signal: AbortSignal): Promise<Blob> {
  const response = await request(base, url.replace(/^\//u, ''), { signal });
  if (!response.ok) throw await failure(response);
  return response.blob();
}
