// The sticker worker's message loop over src/core's pipeline on the browser platform, started by
// sticker.worker.ts with the messages that came first. Must not import UI code (src/app) or engine
// code (src/engine).

/// <reference lib="webworker" />
import { toErrorInfo } from '../src/core/errors.ts';
import { runStickerJob } from '../src/core/pipeline.ts';
import { PhotoMemo } from '../src/core/photo-memo.ts';
import { lookAtPhoto } from '../src/core/look-at-photo.ts';
import { parseCommand, type Command, type EngineEvent, assertNever } from '../src/core/protocol.ts';
import type { DownloadProgress, Platform } from '../src/core/platform.ts';
import { createBrowserPlatform } from '../src/platform/browser/browser-platform.ts';
import { probeWebGpu } from '../src/platform/browser/gpu/gpu-probe.ts';
import { runtimeAskedEarly } from '../src/platform/browser/vision/mediapipe-vision.ts';
import { allowedOrigins, restrictFetch } from '../src/platform/browser/network-policy.ts';
import { createRedrawService, type RedrawService } from '../src/platform/browser/diffusion/redraw-service.ts';
import type { SegmenterLink } from '../src/platform/browser/vision/segmenter-client.ts';

declare const self: DedicatedWorkerGlobalScope;

let platform: Platform<ImageBitmap, OffscreenCanvas> | undefined;
/** The last photo's decode, faces and person, for the next sticker of the same photo. */
let memo: PhotoMemo<ImageBitmap> | undefined;
let redraw: RedrawService | null = null;
const jobs = new Map<string, AbortController>();
/** Jobs run one at a time, in order: one photo's pixels in memory at once. */
let queue: Promise<void> = Promise.resolve();

function post(event: EngineEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, transfer);
}

/** The segmenter's worker asked of the page, and its channel's end once the page answers. */
let segmenterLink: { link: SegmenterLink; arrived: (port: MessagePort) => void; refused: (error: Error) => void } | undefined;

function openSegmenter(): SegmenterLink {
  let arrived: (port: MessagePort) => void = () => undefined;
  let refused: (error: Error) => void = () => undefined;
  const port = new Promise<MessagePort>((resolve, reject) => {
    arrived = resolve;
    refused = reject;
  });
  const link: SegmenterLink = { port, onFailed: () => undefined, close: () => post({ type: 'segmenter-close' }) };
  segmenterLink = { link, arrived, refused };
  post({ type: 'segmenter-wanted' });
  return link;
}

const reportDownload = (p: DownloadProgress) => post({ type: 'download', ...p });
const reportBlocked = (url: string) => post({ type: 'blocked', url });
const reportLoadFailure = (error: unknown) => post({ type: 'error', jobId: null, error: toErrorInfo(error, 'load-models') });

async function generate(command: Extract<Command, { type: 'generate' }>): Promise<void> {
  const controller = jobs.get(command.jobId);
  if (controller === undefined) return;
  try {
    if (platform === undefined || memo === undefined) throw new Error('generate before init');
    // Pixels the job hands over are moved, not copied.
    const emit = (e: EngineEvent) => post(e, e.type === 'still' || e.type === 'preview' ? [e.rgba] : []);
    const ctx = { jobId: command.jobId, signal: controller.signal, emit, now: () => performance.now() };
    // Cancelling a job that is waiting for the AI models stops their download too.
    const stopLoad = () => redraw?.cancel();
    controller.signal.addEventListener('abort', stopLoad);
    try {
      const result = await runStickerJob(platform, ctx, command.photo, command.request, memo);
      post({ type: 'result', ...result }, [result.png]);
    } finally {
      controller.signal.removeEventListener('abort', stopLoad);
    }
  } catch (error) {
    post({ type: 'error', jobId: command.jobId, error: toErrorInfo(error) });
  } finally {
    jobs.delete(command.jobId);
    if (command.request.style === 'ai') redraw?.report();
  }
}

async function handle(command: Command): Promise<void> {
  switch (command.type) {
    case 'init': {
      const { assetBase, faceDelegate, warpBackend, captionFonts = 'bundled', ai } = command.options;
      const hosts = ai === undefined ? [] : [ai.modelBase, ...(ai.serverUrl === null ? [] : [ai.serverUrl])];
      restrictFetch(allowedOrigins(assetBase, self.location.href, hosts), reportBlocked);
      redraw = ai === undefined ? null : createRedrawService({ ...ai, assetBase, onStatus: (status) => post({ type: 'redraw', status }) });
      const made = createBrowserPlatform(assetBase, faceDelegate, warpBackend, captionFonts, redraw, reportBlocked, openSegmenter);
      platform = made;
      memo = new PhotoMemo((image) => made.release(image));
      // The face model's files first, so the first sticker does not wait for the network (asking for
      // a GPU adapter can take a tenth of a second); the model itself starts when a photo is chosen
      // ('look'), so an app only opened holds no running model.
      made.fetchModels(reportDownload).catch(reportLoadFailure);
      post({ type: 'ready', gpu: await probeWebGpu() });
      redraw?.start().catch((error: unknown) => post({ type: 'error', jobId: null, error: toErrorInfo(error, 'redraw') }));
      return;
    }
    case 'look': {
      if (platform === undefined || memo === undefined) return;
      const [made, read] = [platform, memo];
      made.loadModels(reportDownload, { person: command.person }).catch(reportLoadFailure);
      // In the job queue: a job running now keeps its photo's pixels; the next job finds this one's.
      queue = queue.then(() => lookAtPhoto(made, read, command.photo, command.person).catch(() => undefined));
      return;
    }
    case 'generate':
      jobs.set(command.jobId, new AbortController());
      // The caption's font downloads now, beside the models a photo just chosen is waiting for,
      // rather than after them; the job's own call finds it loading.
      platform?.captionFonts(command.request.caption).catch(() => undefined);
      queue = queue.then(() => generate(command));
      return;
    case 'cancel':
      jobs.get(command.jobId)?.abort();
      return;
    case 'redraw-load':
      // Failures reach the UI as a 'failed' status.
      redraw?.load().catch(() => undefined);
      return;
    case 'redraw-cancel':
      redraw?.cancel();
      return;
    case 'redraw-prefer':
      redraw?.prefer(command.device).catch((error: unknown) => post({ type: 'error', jobId: null, error: toErrorInfo(error, 'redraw') }));
      return;
    case 'segmenter-port':
      if (command.port instanceof MessagePort) segmenterLink?.arrived(command.port);
      else segmenterLink?.refused(new Error('the page sent no channel'));
      return;
    case 'segmenter-failed':
      // Before the channel came or after it: the client stops waiting either way.
      segmenterLink?.refused(new Error(command.message));
      segmenterLink?.link.onFailed(command.message);
      return;
    case 'dispose':
      for (const controller of jobs.values()) controller.abort();
      self.close();
      return;
    default:
      assertNever(command);
  }
}

function receive(message: MessageEvent<unknown>): void {
  const command = parseCommand(message.data);
  if (command === null) {
    post({ type: 'error', jobId: null, error: { code: 'BAD_INPUT', message: 'malformed command', retryable: false } });
    return;
  }
  // A command that throws where it has no job to fail (init above all) is the worker failing.
  handle(command).catch((error: unknown) => self.reportError(error));
}

/** Takes over the worker's messages, after those that arrived while this module loaded. */
/** `runtime`: MediaPipe's runtime, already asked for by the entry (sticker.worker.ts). */
export function start(early: readonly MessageEvent<unknown>[], runtime: Promise<Response | null>): void {
  runtimeAskedEarly(runtime);
  self.onmessage = receive;
  for (const message of early) receive(message);
}
