// The sticker being made, as UI state: its stages, step notes, AI previews and still, then the
// finished sticker (its files as object URLs) or why not. A finished sticker is kept in the history.

import { createSignal } from 'solid-js';
import type { ErrorInfo } from '../core/errors.ts';
import { plannedStages } from '../core/job-stages.ts';
import { STAGES, type StageName } from '../core/stage-names.ts';
import { type EngineEvent, type StickerResult } from '../core/protocol.ts';
import { type GenerateRequest } from '../core/sticker-options.ts';
import { JobFailedError, type Job, type StickerEngine } from '../engine/sticker-engine.ts';
import type { StageState } from './components/ProgressList.tsx';
import type { Preview } from './components/RedrawPreview.tsx';
import type { ShownSticker } from './shown-sticker.ts';
import type { StillSticker } from './components/StillCard.tsx';
import type { createHistory } from './history-state.ts';
import { t } from './i18n/index.ts';

function stickerFileName(words: string): string {
  const safe = words
    .replace(/[\\/:*?"<>|\s]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 24);
  return `biaoqing${safe ? `-${safe}` : ''}.png`;
}

function shown(result: StickerResult, words: string): ShownSticker {
  const blobUrl = (bytes: ArrayBuffer, type: string) => URL.createObjectURL(new Blob([bytes], { type }));
  return {
    url: blobUrl(result.png, 'image/png'),
    meta: result,
    fileName: stickerFileName(words),
    gifUrl: result.animation === null ? null : blobUrl(result.animation.gif, 'image/gif'),
    webpUrl: result.animation === null ? null : blobUrl(result.animation.webp, 'image/webp'),
    exportUrls: {
      wechat: blobUrl(result.exports.wechat.gif, 'image/gif'),
      whatsapp: blobUrl(result.exports.whatsapp.webp, 'image/webp'),
      telegram: blobUrl(result.exports.telegram.file, result.exports.telegram.type),
      hd: result.exports.hd.map((f) => blobUrl(f.file, f.type)),
    },
    historyId: null,
    rating: null,
  };
}

function revoke(old: ShownSticker | null): void {
  const oldExports = old === null ? [] : [old.exportUrls.wechat, old.exportUrls.whatsapp, old.exportUrls.telegram, ...old.exportUrls.hd];
  for (const u of [old?.url, old?.gifUrl, old?.webpUrl, ...oldExports]) if (u) URL.revokeObjectURL(u);
}

interface JobDeps {
  engine: StickerEngine;
  history: ReturnType<typeof createHistory>;
  /** The app's files for offline use, once a sticker shows they work. */
  keepOffline: (part: 'stickers' | 'ai') => void;
  /** A sticker was made and kept. */
  onMade: () => void;
}

export function createJobState(deps: JobDeps) {
  const [job, setJob] = createSignal<Job | null>(null);
  const [stages, setStages] = createSignal<Partial<Record<StageName, StageState>>>({});
  const [jobStages, setJobStages] = createSignal<readonly StageName[]>(STAGES);
  const [stepNote, setStepNote] = createSignal('');
  const [preview, setPreview] = createSignal<Preview | null>(null);
  /** The running job's still sticker, shown until its result (with the exports) arrives. */
  const [still, setStill] = createSignal<StillSticker | null>(null);
  const [sticker, setSticker] = createSignal<ShownSticker | null>(null);
  const [error, setError] = createSignal<ErrorInfo | null>(null);
  const [lastRun, setLastRun] = createSignal<StickerResult | null>(null);

  const onJobEvent = (event: EngineEvent) => {
    if (event.type === 'preview') setPreview({ rgba: event.rgba, size: event.size, step: event.step });
    if (event.type === 'still') setStill({ rgba: event.rgba, width: event.width, height: event.height });
    if (event.type === 'progress') setStepNote(t().stepProgress(t().stages[event.stage], event.done, event.total));
    if (event.type !== 'stage') return;
    setStepNote('');
    setStages((s) => ({ ...s, [event.stage]: event.phase === 'start' ? 'running' : 'done' }));
  };

  /** Shows why no sticker was made. */
  const fail = (info: ErrorInfo): ErrorInfo => {
    setError(info);
    return info;
  };

  /** The sticker, or why not (also shown on the page). */
  const run = async (photo: Blob, photoName: string, request: GenerateRequest): Promise<StickerResult | ErrorInfo> => {
    setError(null);
    setStages({});
    setPreview(null);
    setJobStages(plannedStages(request));
    const started = deps.engine.generate(photo, request, onJobEvent);
    setJob(started);
    try {
      const result = await started.result;
      revoke(sticker());
      setStill(null);
      setSticker(shown(result, request.caption));
      setLastRun(result);
      // The first sticker has what it needs; now the files for offline use (mostly from the HTTP cache).
      deps.keepOffline('stickers');
      // onnxruntime-web only where it ran: a redraw on the server used none of it.
      if (result.redraw !== null && result.redraw.engine.provider !== 'server') deps.keepOffline('ai');
      const id = await deps.history.keep(photo, photoName, request, result);
      setSticker((made) => (made === null ? null : { ...made, historyId: id }));
      // A rating given while the sticker was still being stored goes with it.
      const early = sticker()?.rating ?? null;
      if (id !== null && early !== null) await deps.history.rate(id, early);
      deps.onMade();
      return result;
    } catch (failure) {
      return fail(failure instanceof JobFailedError ? failure.info : { code: 'INTERNAL', message: String(failure), retryable: true });
    } finally {
      // A still of a job that failed after it (cancelled while exporting) goes with the job.
      setStill(null);
      setJob(null);
    }
  };

  return {
    job,
    stages,
    jobStages,
    stepNote,
    preview,
    still,
    sticker,
    error,
    lastRun,
    run,
    fail,
    clearError: () => setError(null),
    /** The user's rating of the shown sticker, kept with it in the history. */
    rate(rating: number | null) {
      const current = sticker();
      if (current === null) return;
      setSticker({ ...current, rating });
      if (current.historyId !== null) void deps.history.rate(current.historyId, rating);
    },
  };
}
