// Browser platform: MediaPipe's face landmarker (tasks-vision) in this worker. Runtime wasm and the
// model come from this app's own origin.

import { FaceLandmarker } from '@mediapipe/tasks-vision';
import type { FaceLandmarks } from '../../../core/face/landmarks.ts';
import type { FaceDelegatePreference } from '../../../core/runtime-preferences.ts';
import { createVisionTask, type VisionDelegate } from './mediapipe-vision.ts';

export interface LoadedFaceLandmarker {
  delegate: VisionDelegate;
  detect(image: ImageBitmap): FaceLandmarks[];
}

export async function createFaceLandmarker(modelBytes: ArrayBuffer, assetBase: string, preference: FaceDelegatePreference): Promise<LoadedFaceLandmarker> {
  const { task: landmarker, delegate } = await createVisionTask(assetBase, preference, (fileset, delegate, canvas) =>
    FaceLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: new Uint8Array(modelBytes), delegate },
      ...canvas,
      runningMode: 'IMAGE',
      numFaces: 4,
      // Only the landmarks are used: the blendshapes network would run for nothing.
      outputFaceBlendshapes: false,
    }),
  );
  return {
    delegate,
    detect(image) {
      const result = landmarker.detect(image);
      return result.faceLandmarks.map((points) => points.map((p) => ({ x: p.x * image.width, y: p.y * image.height })));
    },
  };
}
