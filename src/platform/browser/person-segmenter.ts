// Browser platform: MediaPipe's image segmenter with the selfie model, for the person cutout.
// Same runtime and delegate rules as the face landmarker.

import { ImageSegmenter } from '@mediapipe/tasks-vision';
import type { FloatMask } from '../../core/image/float-mask.ts';
import type { FaceDelegatePreference } from '../../core/protocol.ts';
import { createVisionTask, type VisionDelegate } from './mediapipe-vision.ts';

export interface LoadedSegmenter {
  delegate: VisionDelegate;
  segment(image: ImageBitmap): FloatMask;
}

export async function createPersonSegmenter(modelBytes: ArrayBuffer, assetBase: string, preference: FaceDelegatePreference): Promise<LoadedSegmenter> {
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
    segment(image) {
      let mask: FloatMask | undefined;
      // The masks live only inside the callback: copy the person's one out.
      segmenter.segment(image, (result) => {
        const person = result.confidenceMasks?.at(-1);
        if (person !== undefined) mask = { width: person.width, height: person.height, data: person.getAsFloat32Array().slice() };
      });
      if (mask === undefined) throw new Error('the segmenter returned no confidence mask');
      return mask;
    },
  };
}
