// The pipeline on a fake platform: images and surfaces are plain objects, every platform call is
// counted and costs fixed time on a fake clock. Shared by the pipeline and photo memo tests.

import { expect } from 'vitest';
import { StickerError } from '../../../src/core/errors.ts';
import { runStickerJob, type JobContext } from '../../../src/core/pipeline.ts';
import type { DecodedPhoto, Platform, StickerPlan } from '../../../src/core/platform.ts';
import type { FloatMask } from '../../../src/core/image/float-mask.ts';
import type { GenerateRequest } from '../../../src/core/sticker-options.ts';
import { STAGES, type StageName } from '../../../src/core/stage-names.ts';
import type { EngineEvent } from '../../../src/core/protocol.ts';
import { png, toArrayBuffer, webp } from './image-bytes.ts';
import { measure } from './measure.ts';
import { faceAroundEyes } from './synthetic-face.ts';
import { personNearFace } from '../../../src/core/face/person-cutout.ts';

// Images and surfaces are plain objects: the pipeline only passes them between platform calls.
export interface FakeImage {
  id: string;
}
export interface FakeSurface {
  image: FakeImage;
  plan: StickerPlan;
}

export const PHOTO_INFO = { sourceWidth: 4032, sourceHeight: 3024, width: 2048, height: 1536 };
export const REQUEST: GenerateRequest = { prompt: '开心', expression: { id: 'smile', intensity: 1 }, caption: '我太难了', style: 'photo', animate: false };
export const rightEye = { x: 900, y: 700 };
export const leftEye = { x: 1100, y: 730 };
export const mainFace = faceAroundEyes(rightEye, leftEye);
export const smallFace = faceAroundEyes({ x: 100, y: 100 }, { x: 140, y: 100 });

/** A segmenter's answer for the whole working photo: the same confidence everywhere. */
export function uniformMask(confidence: number): FloatMask {
  return { width: PHOTO_INFO.width, height: PHOTO_INFO.height, data: new Float32Array(PHOTO_INFO.width * PHOTO_INFO.height).fill(confidence) };
}

/** How long each stage's platform call takes on the fake clock. */
/** Stages of a still sticker (the animation stages have their own tests). */
export type StillStage = Exclude<StageName, 'animate' | 'encode-animation' | 'redraw'>;
/** The photo style's stages; the AI redraw's own test is tests/browser/ai-redraw.test.ts. */
export const STILL_STAGES = STAGES.filter((s): s is StillStage => s !== 'animate' && s !== 'encode-animation' && s !== 'redraw');
// The export stage redraws the sticker at HD size: one more compose and PNG encode.
export const COST: Record<StillStage, number> = {
  'load-models': 120,
  decode: 30,
  'detect-face': 45,
  segment: 25,
  expression: 0,
  warp: 20,
  align: 0,
  compose: 12,
  encode: 7,
  export: 12 + 7,
};
/**
 * Each stage's time as the job reports it: the person is asked for before the face is looked for,
 * so on this clock its cost falls before detect-face starts, and the segment stage waits for nothing.
 */
export const TIMED: Record<StillStage, number> = { ...COST, segment: 0 };

export function setup(overrides: Partial<Platform<FakeImage, FakeSurface>> = {}, signal: { aborted: boolean } = { aborted: false }) {
  let clock = 1000;
  const events: EngineEvent[] = [];
  const released: FakeImage[] = [];
  const decodeCalls: [ArrayBuffer, string, number][] = [];
  const composed: [FakeImage, StickerPlan][] = [];
  const encoded: FakeSurface[] = [];
  const warps: FakeImage[] = [];
  const image: FakeImage = { id: 'photo' };
  const warped: FakeImage = { id: 'warped' };
  const pngOut = new ArrayBuffer(4);

  const platform: Platform<FakeImage, FakeSurface> = {
    backend: (stage) => `fake-${stage}`,
    fetchModels: () => Promise.reject(new Error('the pipeline starts models, it does not prefetch them')),
    async loadModels(onProgress) {
      onProgress({ model: 'face_landmarker', loaded: 0, total: 100, cached: false, bytesPerSecond: null, secondsLeft: null });
      onProgress({ model: 'face_landmarker', loaded: 100, total: 100, cached: false, bytesPerSecond: 1000, secondsLeft: 0 });
      clock += COST['load-models'];
    },
    async decode(bytes, format, maxSide): Promise<DecodedPhoto<FakeImage>> {
      decodeCalls.push([bytes, format, maxSide]);
      clock += COST.decode;
      return { image, info: PHOTO_INFO };
    },
    async detectFaces() {
      clock += COST['detect-face'];
      return [smallFace, mainFace];
    },
    async segmentPerson(_image, oval) {
      clock += COST.segment;
      return personNearFace(uniformMask(1), await oval);
    },
    async warp() {
      clock += COST.warp;
      warps.push(warped);
      return warped;
    },
    captionFonts: async () => ({ loaded: ['Test Caption'], version: 'test', ms: 0 }),
    measureCaption: measure,
    async compose(img, plan) {
      composed.push([img, plan]);
      clock += COST.compose;
      return { image: img, plan };
    },
    async encodePng(surface) {
      encoded.push(surface);
      clock += COST.encode;
      return pngOut;
    },
    async rgba(_surface, size) {
      return new Uint8ClampedArray(size * size * 4);
    },
    async encodeWebp() {
      return toArrayBuffer(webp());
    },
    cropAligned: () => Promise.reject(new Error('the photo style does not redraw')),
    pasteAligned: () => Promise.reject(new Error('the photo style does not redraw')),
    redrawer: () => Promise.reject(new Error('the photo style does not redraw')),
    release(img) {
      released.push(img);
    },
    ...overrides,
  };
  const ctx: JobContext = { jobId: 'job-7', signal, emit: (e) => events.push(e), now: () => clock };
  const photo = toArrayBuffer(png(640, 480));
  const run = () => runStickerJob(platform, ctx, photo, REQUEST);
  return { run, platform, events, released, decodeCalls, composed, encoded, warps, image, warped, pngOut, photo, signal };
}

/** The job's rejection, which must be a StickerError. */
export async function failure(promise: Promise<unknown>): Promise<StickerError> {
  const error: unknown = await promise.then(
    () => new Error('the job succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StickerError);
  return error as StickerError;
}

export const stageEvents = (events: EngineEvent[]) => events.flatMap((e) => (e.type === 'stage' ? [`${e.stage}:${e.phase}`] : []));
