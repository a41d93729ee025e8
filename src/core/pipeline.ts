// The sticker pipeline: one job, stage by stage, with a progress event around each stage and a
// cancellation check between them. Runs wherever a Platform exists.

import { StickerError } from './errors.ts';
import type { EngineEvent, GenerateRequest, StageName, StickerResult } from './protocol.ts';
import type { Platform } from './platform.ts';
import { eyeCenters } from './face/landmarks.ts';
import { decodeStage } from './stages/decode.ts';
import { detectFaceStage } from './stages/detect-face.ts';
import { alignStage } from './stages/align.ts';

export interface JobContext {
  jobId: string;
  /** An AbortSignal, seen through the one property core needs (core has no DOM types). */
  signal: { readonly aborted: boolean };
  emit: (event: EngineEvent) => void;
  /** Milliseconds from a monotonic clock (performance.now in browsers). */
  now: () => number;
}

export async function runStickerJob<Img, Surface>(
  platform: Platform<Img, Surface>,
  ctx: JobContext,
  photo: ArrayBuffer,
  request: GenerateRequest,
): Promise<StickerResult> {
  const timings: StickerResult['timings'] = {};
  const backends: StickerResult['backends'] = {};

  async function stage<T>(name: StageName, work: () => T | Promise<T>): Promise<T> {
    if (ctx.signal.aborted) throw new StickerError('ABORTED', 'cancelled', { stage: name });
    const backend = platform.backend(name);
    backends[name] = backend;
    ctx.emit({ type: 'stage', jobId: ctx.jobId, stage: name, phase: 'start', backend });
    const start = ctx.now();
    let value: T;
    try {
      value = await work();
    } catch (error) {
      if (error instanceof StickerError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new StickerError('INTERNAL', message, { stage: name });
    }
    const ms = ctx.now() - start;
    timings[name] = ms;
    ctx.emit({ type: 'stage', jobId: ctx.jobId, stage: name, phase: 'end', backend, ms });
    return value;
  }

  await stage('load-models', () =>
    platform.loadModels((p) => ctx.emit({ type: 'download', ...p })),
  );
  const decoded = await stage('decode', () => decodeStage(platform, photo));
  try {
    const { face, facesFound } = await stage('detect-face', () => detectFaceStage(platform, decoded.image));
    const plan = await stage('align', () => alignStage(platform, face, request.caption));
    const surface = await stage('compose', () => platform.compose(decoded.image, plan));
    const png = await stage('encode', () => platform.encodePng(surface));
    if (ctx.signal.aborted) throw new StickerError('ABORTED', 'cancelled', { stage: 'encode' });
    return {
      jobId: ctx.jobId,
      png,
      width: plan.size,
      height: plan.size,
      photo: decoded.info,
      facesFound,
      eyes: eyeCenters(face),
      timings,
      backends,
    };
  } finally {
    platform.release(decoded.image);
  }
}
