// Browser platform: MediaPipe's image segmenter with the selfie model, for the person cutout.
// Same runtime and delegate rules as the face landmarker.

import { ImageSegmenter } from '@mediapipe/tasks-vision';
import type { FloatMask } from '../../core/image/float-mask.ts';
import type { FaceDelegatePreference } from '../../core/protocol.ts';
import { createVisionTask, type VisionDelegate } from './mediapipe-vision.ts';

/**
 * The segmenter sees 256×256 whatever it is given, and returns its mask at the size of its input:
 * a 2048 px photo gave 4 million confidences to copy and search for 65 thousand seen. It is given
 * the photo with its short side this long (never enlarged), which keeps every row and column the
 * model sees; the mask says its scale.
 */
const SEGMENT_SIDE = 256;

export interface LoadedSegmenter {
  delegate: VisionDelegate;
  segment(image: ImageBitmap): Promise<FloatMask>;
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
    async segment(image) {
      const k = Math.min(1, SEGMENT_SIDE / Math.min(image.width, image.height));
      const input = k === 1 ? image : await createImageBitmap(image, { resizeWidth: Math.round(image.width * k), resizeHeight: Math.round(image.height * k), resizeQuality: 'medium' });
      let mask: FloatMask | undefined;
      try {
        // The masks live only inside the callback: copy the person's one out.
        segmenter.segment(input, (result) => {
          const person = result.confidenceMasks?.at(-1);
          if (person === undefined) return;
          mask = { width: person.width, height: person.height, data: person.getAsFloat32Array().slice(), ...(k === 1 ? {} : { scale: image.width / person.width }) };
        });
      } finally {
        if (input !== image) input.close();
      }
      if (mask === undefined) throw new Error('the segmenter returned no confidence mask');
      return mask;
    },
  };
}
