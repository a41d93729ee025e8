// The sticker pipeline: one job, stage by stage, with a progress event around each stage and a
// cancellation check between them. Runs wherever a Platform exists.

import { StickerError, errorMessage } from './errors.ts';
import { DEFAULT_CAPTION_PLACEMENT, DEFAULT_OUTLINE, type GenerateRequest } from './sticker-options.ts';
import type { StageName } from './stage-names.ts';
import type { EngineEvent, StickerResult } from './protocol.ts';
import type { Platform } from './platform.ts';
import { animates, cutoutFor } from './job-stages.ts';
import { redrawStage, type RedrawReport } from './stages/redraw.ts';
import { redrawPrompt } from './diffusion/prompt.ts';
import { eyeCenters, faceOval } from './face/landmarks.ts';
import { decodeStage } from './stages/decode.ts';
import { detectFaceStage } from './stages/detect-face.ts';
import { planSticker, slotReports } from './stages/align-template.ts';
import { templateById } from './templates/index.ts';
import { exportPresetsStage } from './stages/export-presets.ts';
import { LAYOUTS } from './sticker-layout.ts';
import { scalePlan } from './scale-plan.ts';
import { marksOf } from './expression/marks.ts';
import { warpStage } from './stages/warp.ts';
import { expressionById } from './expression/expression-by-id.ts';
import { tiltRadians } from './expression/displacements.ts';
import { animateStage, type AnimationInput, type RenderedFrame } from './stages/animate.ts';
import { encodeAnimationStage } from './stages/encode-animation.ts';
import { keepSegmented, segmentStage, type Segmented } from './stages/segment.ts';
import { PhotoMemo } from './photo-memo.ts';

/** Animated GIFs are made at WeChat's sticker size; WebP keeps the full sticker size. */
const GIF_SIZE = 240;
/** The HD files are the sticker redrawn at twice its size (1024 px). */
const HD_SCALE = 2;

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
  /** Kept by the caller across jobs, so a photo's decode, faces and person are worked out once. */
  memo?: PhotoMemo<Img>,
): Promise<StickerResult> {
  const read = memo ?? new PhotoMemo<Img>((image) => platform.release(image));
  read.hold(photo);
  const timings: StickerResult['timings'] = {};
  const backends: StickerResult['backends'] = {};
  let captionFont: StickerResult['captionFont'] = { loaded: [], version: null, ms: 0 };

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
      const message = errorMessage(error);
      throw new StickerError('INTERNAL', message, { stage: name });
    }
    const ms = ctx.now() - start;
    timings[name] = ms;
    // As it ran: a model that loaded during the stage now names its delegate.
    const ran = platform.backend(name);
    backends[name] = ran;
    ctx.emit({ type: 'stage', jobId: ctx.jobId, stage: name, phase: 'end', backend: ran, ms });
    return value;
  }

  // What this sticker needs besides the face model loads alongside it: the caption's font (awaited in
  // align, where its failure is met) and, for a person cutout, the segmenter.
  const captionFontsLoading = platform.captionFonts(request.caption);
  captionFontsLoading.catch(() => undefined);
  const cutout = cutoutFor(request);
  await stage('load-models', () => platform.loadModels((p) => ctx.emit({ type: 'download', ...p }), { person: cutout === 'person' }));
  const template = request.template === undefined ? undefined : templateById(request.template);
  if (request.template !== undefined && template === undefined) {
    throw new StickerError('BAD_INPUT', `unknown template ${request.template}`, { stage: 'align', reason: 'unknown-template' });
  }
  // The redraw works on the style's own square; a template's slots are drawn from the photo.
  if (request.style === 'ai' && (template !== undefined || request.redraw === undefined)) {
    throw new StickerError('BAD_INPUT', 'the AI style takes redraw settings and no template', { stage: 'redraw', reason: 'ai-request' });
  }
  const toRelease: Img[] = [];
  try {
    const decoded = await stage('decode', () => read.once('decode', () => decodeStage(platform, photo)));
    const detect = () => read.once('detect-face', () => detectFaceStage(platform, decoded.image));
    // The person is asked for before the face is looked for (the segmenter has a worker of its own
    // where it can), given the face's oval once the stage below finds it (the memo gives both the
    // same detection), and kept round it while the face is warped: the segment stage waits for it
    // after the warp.
    const oval = Promise.resolve()
      .then(detect)
      .then(({ face }) => faceOval(face));
    oval.catch(() => undefined); // no face: met in the detect-face stage
    const asked = cutout === 'person' && !read.knows('segment') ? platform.segmentPerson(decoded.image, oval) : null;
    asked?.catch(() => undefined); // met in the segment stage
    const { face, faces, facesFound } = await stage('detect-face', detect);
    const choice = request.expression;
    const expression = await stage('expression', () => (choice === null ? null : expressionById(choice.id)));
    let picture = decoded.image;
    let shaped = face;
    let applied = 1;
    if (expression !== null && choice !== null) {
      const warped = await stage('warp', () => warpStage(platform, decoded.image, decoded.info, face, expression, choice.intensity));
      picture = warped.image;
      toRelease.push(picture);
      shaped = warped.face;
      applied = warped.applied;
    }
    // A face-only cutout needs no segmenter.
    const segmented: Segmented | null =
      cutout === 'person'
        ? await stage('segment', () =>
            read.once('segment', () => segmentStage(asked ?? platform.segmentPerson(decoded.image, Promise.resolve(faceOval(face)))), keepSegmented),
          )
        : cutout === null
          ? null
          : { person: null, cutout: { kind: cutout, fallback: null } };
    const person = segmented?.person ?? null;
    const tilt = expression !== null && choice !== null ? tiltRadians(expression.recipe, choice.intensity) : 0;
    const marks = { kinds: expression === null ? [] : marksOf(expression), strength: Math.min(1, choice?.intensity ?? 0) };
    const layout = LAYOUTS[request.style];
    const outline = request.outline ?? DEFAULT_OUTLINE;
    const captionPlacement = request.captionPlacement ?? DEFAULT_CAPTION_PLACEMENT;
    const plan = await stage('align', async () => {
      // The caption is measured with the faces it draws with.
      captionFont = await captionFontsLoading;
      return planSticker(platform, faces, request.caption, template, { tilt, shaped, marks, layout, outline, person, captionPlacement });
    });
    let redraw: RedrawReport | null = null;
    if (request.style === 'ai' && request.redraw !== undefined) {
      const settings = request.redraw;
      const prompt = { text: redrawPrompt(expression, request.prompt), words: request.prompt, expression: expression?.id ?? null };
      const redrawn = await stage('redraw', () =>
        redrawStage(platform, picture, plan.transform, plan.size, prompt, settings, {
          signal: ctx.signal,
          now: ctx.now,
          onProgress: (done, total) => ctx.emit({ type: 'progress', jobId: ctx.jobId, stage: 'redraw', done, total }),
          onPreview: (rgba, size, step) => ctx.emit({ type: 'preview', jobId: ctx.jobId, rgba: rgba.slice().buffer, size, step }),
        }),
      );
      picture = redrawn.image;
      toRelease.push(picture);
      redraw = redrawn.report;
    }
    const { surface, still } = await stage('compose', async () => {
      const composed = await platform.compose(picture, plan);
      return { surface: composed, still: await platform.rgba(composed, plan.size) };
    });
    // Shown now, as pixels; its PNG, the animation and the exports follow.
    ctx.emit({ type: 'still', jobId: ctx.jobId, rgba: still.buffer as ArrayBuffer, width: plan.size, height: plan.size });
    const png = await stage('encode', () => platform.encodePng(surface));
    let animation: StickerResult['animation'] = null;
    let rendered: RenderedFrame[] | null = null;
    if (animates(request)) {
      const input: AnimationInput<Img> = {
        image: decoded.image,
        size: decoded.info,
        face,
        faces,
        template,
        expression: expression !== null && choice !== null ? { expression, intensity: choice.intensity, tilt } : null,
        caption: request.caption,
        captionPlacement,
        stickerSize: plan.size,
        gifSize: GIF_SIZE,
        layout,
        outline,
        person,
        stillCut: plan.person === null ? null : { transform: plan.transform, oval: plan.person.oval },
      };
      const onFrame = (done: number, total: number) => ctx.emit({ type: 'progress', jobId: ctx.jobId, stage: 'animate', done, total });
      const frames = await stage('animate', () => animateStage(platform, input, ctx.signal, onFrame));
      rendered = frames;
      animation = await stage('encode-animation', () => encodeAnimationStage(frames, GIF_SIZE, plan.size));
    }
    const made = animation;
    const exports = await stage('export', () =>
      exportPresetsStage(platform, {
        surface,
        png,
        stickerSize: plan.size,
        large: async () => ({ surface: await platform.compose(picture, scalePlan(plan, HD_SCALE)), size: plan.size * HD_SCALE }),
        now: ctx.now,
        animation: made === null || rendered === null ? null : { frames: rendered, gif: made.gif, webp: made.webp, gifSize: made.gifSize },
      }),
    );
    if (ctx.signal.aborted) throw new StickerError('ABORTED', 'cancelled', { stage: 'export' });
    return {
      jobId: ctx.jobId,
      png,
      width: plan.size,
      height: plan.size,
      photo: decoded.info,
      facesFound,
      expression: choice === null ? null : { ...choice, applied },
      animation,
      exports,
      eyes: eyeCenters(face),
      slots: slotReports(plan),
      cutout: segmented?.cutout ?? null,
      redraw,
      timings,
      backends,
      captionFont,
    };
  } finally {
    if (memo === undefined) read.clear();
    for (const image of toRelease) platform.release(image);
  }
}
