// Browser platform: the Platform the sticker worker runs the pipeline on. Holds the loaded models
// for the worker's lifetime; a failed load is forgotten so the next job tries again.

import { modelEntry } from '../../core/models/manifest.ts';
import type { DownloadProgress, Platform } from '../../core/platform.ts';
import type { FaceDelegatePreference, StageName } from '../../core/protocol.ts';
import { composeSticker, measureCaption } from './compose-sticker.ts';
import { decodePhoto } from './decode-photo.ts';
import { createFaceLandmarker, type LoadedFaceLandmarker } from './face-landmarker.ts';
import { loadModelBytes } from './model-store.ts';

export function createBrowserPlatform(
  assetBase: string,
  faceDelegate: FaceDelegatePreference,
): Platform<ImageBitmap, OffscreenCanvas> {
  let landmarker: Promise<LoadedFaceLandmarker> | undefined;
  let delegate: string | undefined;

  async function loadLandmarker(onProgress: (p: DownloadProgress) => void): Promise<LoadedFaceLandmarker> {
    const bytes = await loadModelBytes(modelEntry('face-landmarker'), assetBase, onProgress);
    const loaded = await createFaceLandmarker(bytes, assetBase, faceDelegate);
    delegate = loaded.delegate;
    return loaded;
  }

  async function ready(onProgress: (p: DownloadProgress) => void = () => undefined): Promise<LoadedFaceLandmarker> {
    landmarker ??= loadLandmarker(onProgress).catch((error: unknown) => {
      landmarker = undefined;
      throw error;
    });
    return landmarker;
  }

  const backends: Record<StageName, () => string> = {
    'load-models': () => 'indexeddb+fetch',
    decode: () => 'createImageBitmap',
    'detect-face': () => `mediapipe-wasm-${delegate === 'GPU' ? 'gpu-webgl2' : 'cpu'}`,
    align: () => 'js',
    compose: () => 'offscreen-canvas-2d',
    encode: () => 'offscreen-canvas-png',
  };

  return {
    backend: (stage) => backends[stage](),
    loadModels: async (onProgress) => {
      await ready(onProgress);
    },
    decode: decodePhoto,
    detectFaces: async (image) => (await ready()).detect(image),
    measureCaption,
    compose: async (image, plan) => composeSticker(image, plan),
    encodePng: async (canvas) => (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer(),
    release: (image) => image.close(),
  };
}
