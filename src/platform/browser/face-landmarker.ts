// Browser platform: MediaPipe's face landmarker (tasks-vision) in this worker. The only file that
// imports @mediapipe/tasks-vision. Runtime wasm and the model come from this app's own origin.

import { FaceLandmarker, FilesetResolver } from '@mediapipe/tasks-vision';
import type { FaceLandmarks } from '../../core/face/landmarks.ts';
import type { FaceDelegatePreference } from '../../core/protocol.ts';
import { hasHardwareWebGl2 } from './webgl-probe.ts';

export type FaceDelegate = 'CPU' | 'GPU';

export interface LoadedFaceLandmarker {
  delegate: FaceDelegate;
  detect(image: ImageBitmap): FaceLandmarks[];
}

export function chooseDelegate(preference: FaceDelegatePreference): FaceDelegate {
  if (preference === 'cpu') return 'CPU';
  if (preference === 'gpu') return 'GPU';
  return hasHardwareWebGl2() ? 'GPU' : 'CPU';
}

export async function createFaceLandmarker(
  modelBytes: ArrayBuffer,
  assetBase: string,
  preference: FaceDelegatePreference,
): Promise<LoadedFaceLandmarker> {
  // `true`: the module loader; the classic one needs importScripts, absent in module workers
  // ("ModuleFactory not set").
  const fileset = await FilesetResolver.forVisionTasks(new URL('mediapipe', assetBase).href, true);
  const create = (delegate: FaceDelegate) =>
    FaceLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: new Uint8Array(modelBytes), delegate },
      runningMode: 'IMAGE',
      numFaces: 4,
      outputFaceBlendshapes: true,
    });
  let delegate = chooseDelegate(preference);
  let landmarker: FaceLandmarker;
  try {
    landmarker = await create(delegate);
  } catch (error) {
    if (delegate === 'CPU') throw error;
    delegate = 'CPU'; // A GPU delegate that fails to start (lost context, old driver) is not fatal.
    landmarker = await create(delegate);
  }
  return {
    delegate,
    detect(image) {
      const result = landmarker.detect(image);
      return result.faceLandmarks.map((points) =>
        points.map((p) => ({ x: p.x * image.width, y: p.y * image.height })),
      );
    },
  };
}
