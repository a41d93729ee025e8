// Browser platform: MediaPipe's image segmenter with the selfie model, for the person cutout.
// Same runtime and delegate rules as the face landmarker. It runs in a worker of its own where
// the browser can start one from a worker (segmenter-client.ts), else in the sticker worker.

import { ImageSegmenter } from '@mediapipe/tasks-vision';
import type { FloatMask } from '../../../core/image/float-mask.ts';
import type { Point } from '../../../core/geometry/point.ts';
import { personNearFace } from '../../../core/face/person-cutout.ts';
import type { FaceDelegatePreference } from '../../../core/runtime-preferences.ts';
import { createVisionTask, type VisionDelegate } from './mediapipe-vision.ts';

/**
 * The segmenter sees 256×256 whatever it is given, and returns its mask at the size of its input:
 * a 2048 px photo gave 4 million confidences to copy and search for 65 thousand seen. It is given
 * the photo with its short side this long (never enlarged), which keeps every row and column the
 * model sees; the mask says its scale.
 */
const SEGMENT_SIDE = 256;

/**
 * The photo as the segmenter is given it, a picture of its own (the caller's stays open), and photo
 * pixels per pixel of it. Drawn at once rather than by createImageBitmap's resize, which answers in a
 * later task: the face landmarker, started next, would hold this worker first, and the segmenter's
 * worker would wait for it instead of working beside it.
 */
export function segmenterInput(image: ImageBitmap): { input: ImageBitmap; scale: number } {
  const k = Math.min(1, SEGMENT_SIDE / Math.min(image.width, image.height));
  const canvas = new OffscreenCanvas(Math.round(image.width * k), Math.round(image.height * k));
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
  ctx.imageSmoothingQuality = 'medium';
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return { input: canvas.transferToImageBitmap(), scale: image.width / canvas.width };
}

export interface LoadedSegmenter {
  delegate: VisionDelegate;
  /**
   * The person round the face `oval` outlines (photo pixels, once found; personNearFace), as their
   * confidence over the photo (the mask says its scale); null when nobody covers that face, or no
   * face was found. `image` stays the caller's.
   */
  segment(image: ImageBitmap, oval: Promise<readonly Point[]>): Promise<FloatMask | null>;
}

/** The segmenter's task: the person's confidence at the size of its input. */
export async function createSegmenterTask(
  modelBytes: ArrayBuffer,
  assetBase: string,
  preference: FaceDelegatePreference,
): Promise<{ delegate: VisionDelegate; segment(input: ImageBitmap): FloatMask }> {
  const { task: segmenter, delegate } = await createVisionTask(assetBase, preference, (fileset, delegate, canvas) =>
    ImageSegmenter.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: new Uint8Array(modelBytes), delegate },
      ...canvas,
      runningMode: 'IMAGE',
      outputConfidenceMasks: true,
      outputCategoryMask: false,
    }),
  );
  return {
    delegate,
    segment(input) {
      let mask: FloatMask | undefined;
      // The masks live only inside the callback: copy the person's one out.
      segmenter.segment(input, (result) => {
        const person = result.confidenceMasks?.at(-1);
        if (person !== undefined) mask = { width: person.width, height: person.height, data: person.getAsFloat32Array().slice() };
      });
      if (mask === undefined) throw new Error('the segmenter returned no confidence mask');
      return mask;
    },
  };
}

/** The segmenter in this worker. */
export async function createPersonSegmenter(modelBytes: ArrayBuffer, assetBase: string, preference: FaceDelegatePreference): Promise<LoadedSegmenter> {
  const task = await createSegmenterTask(modelBytes, assetBase, preference);
  return {
    delegate: task.delegate,
    async segment(image, oval) {
      const { input, scale } = segmenterInput(image);
      let mask: FloatMask;
      try {
        mask = task.segment(input);
      } finally {
        input.close();
      }
      // No face: nobody to keep (the job fails on the face, not here).
      const points = await oval.catch(() => null);
      return points === null ? null : personNearFace(scale === 1 ? mask : { ...mask, scale }, points);
    },
  };
}
