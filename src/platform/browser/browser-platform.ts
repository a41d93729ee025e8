// Browser platform: the Platform the sticker worker runs the pipeline on. Holds the loaded models
// for the worker's lifetime; a failed load is forgotten so the next job tries again.

import { modelEntry } from '../../core/models/manifest.ts';
import type { DownloadProgress, Platform } from '../../core/platform.ts';
import type { FaceDelegatePreference, StageName } from '../../core/protocol.ts';
import { composeSticker, measureCaption, scaled } from './compose-sticker.ts';
import { decodePhoto } from './decode-photo.ts';
import { createFaceLandmarker, type LoadedFaceLandmarker } from './face-landmarker.ts';
import { loadModelBytes } from './model-store.ts';
import { paintMouth } from './paint-mouth.ts';
import { createCanvas2dWarper } from './warp-canvas2d.ts';
import { createWebGl2Warper, type Warper } from './warp-webgl2.ts';

export function createBrowserPlatform(
  assetBase: string,
  faceDelegate: FaceDelegatePreference,
): Platform<ImageBitmap, OffscreenCanvas> {
  let landmarker: Promise<LoadedFaceLandmarker> | undefined;
  let delegate: string | undefined;
  let warper: { impl: Warper; backend: string } | undefined;

  function getWarper(): { impl: Warper; backend: string } {
    if (warper === undefined) {
      const gpu = createWebGl2Warper();
      warper = gpu !== null ? { impl: gpu, backend: 'webgl2' } : { impl: createCanvas2dWarper(), backend: 'canvas2d-affine' };
    }
    return warper;
  }

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
    expression: () => 'lexicon',
    warp: () => getWarper().backend,
    align: () => 'js',
    compose: () => 'offscreen-canvas-2d',
    encode: () => 'offscreen-canvas-png',
    animate: () => `${getWarper().backend}+offscreen-canvas-2d`,
    'encode-animation': () => 'gifenc+webp-mux',
  };

  return {
    backend: (stage) => backends[stage](),
    loadModels: async (onProgress) => {
      await ready(onProgress);
    },
    decode: decodePhoto,
    detectFaces: async (image) => (await ready()).detect(image),
    warp: async (image, mesh, mouth) => {
      const warped = getWarper().impl.warp(image, mesh);
      return mouth === null ? warped : paintMouth(warped, mouth);
    },
    measureCaption,
    compose: async (image, plan) => composeSticker(image, plan),
    encodePng: async (canvas) => (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer(),
    rgba: async (canvas, size) => {
      const frame = scaled(canvas, size);
      const ctx = frame.getContext('2d');
      if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
      return ctx.getImageData(0, 0, size, size).data;
    },
    encodeWebp: async (canvas, size) => (await scaled(canvas, size).convertToBlob({ type: 'image/webp', quality: 0.85 })).arrayBuffer(),
    release: (image) => image.close(),
  };
}
