// Browser platform: the Platform the sticker worker runs the pipeline on. Holds the loaded models
// for the worker's lifetime; a failed load is forgotten so the next job tries again.

import { modelEntry } from '../../core/models/manifest.ts';
import type { DownloadProgress, Platform } from '../../core/platform.ts';
import type { WarpMesh } from '../../core/warp/warp-mesh.ts';
import type { StageName } from '../../core/stage-names.ts';
import type { CaptionFontPreference, FaceDelegatePreference, WarpBackendPreference } from '../../core/runtime-preferences.ts';
import { CaptionFonts } from './render/caption-fonts.ts';
import { composeSticker, measureCaption, scaled } from './render/compose-sticker.ts';
import { composePanda } from './render/compose-panda.ts';
import { composeTemplate } from './render/compose-template.ts';
import { decodePhoto } from './image/decode-photo.ts';
import { encodeWebp, webpEncoder } from './image/encode-webp.ts';
import { createFaceLandmarker, type LoadedFaceLandmarker } from './vision/face-landmarker.ts';
import { instantiateVisionRuntimeAhead, visionRuntime, visionRuntimeNearlyIn } from './vision/mediapipe-vision.ts';
import { createPersonSegmenter, type LoadedSegmenter } from './vision/person-segmenter.ts';
import { segmentInWorker, type SegmenterLink } from './vision/segmenter-client.ts';
import { loadModelBytes } from './models/model-store.ts';
import { paintMouth } from './render/paint-mouth.ts';
import { paintLids } from './render/paint-lids.ts';
import { createCanvas2dWarper } from './warp/warp-canvas2d.ts';
import { createWebGl2Warper, type Warper } from './warp/warp-webgl2.ts';
import { createWebGpuWarper } from './warp/warp-webgpu.ts';
import { isFallbackAdapter } from './gpu/gpu-probe.ts';
import { cropAligned, pasteAligned } from './render/aligned-square.ts';
import type { RedrawService } from './diffusion/redraw-service.ts';
import { StickerError, errorMessage } from '../../core/errors.ts';

export function createBrowserPlatform(
  assetBase: string,
  faceDelegate: FaceDelegatePreference,
  warpBackend: WarpBackendPreference,
  captionFonts: CaptionFontPreference,
  redraw: RedrawService | null,
  /** A request the segmenter's own worker refused (the sticker worker's network rules). */
  onBlocked: (url: string) => void,
  /** Asks the page for the segmenter's own worker. */
  openSegmenter: () => SegmenterLink,
): Platform<ImageBitmap, OffscreenCanvas> {
  let landmarker: Promise<LoadedFaceLandmarker> | undefined;
  /** The face model's bytes once fetched, until the landmarker is made of them. */
  let landmarkerFiles: Promise<ArrayBuffer> | undefined;
  const fonts = new CaptionFonts(captionFonts);
  let delegate: string | undefined;
  let segmenter: Promise<LoadedSegmenter> | undefined;
  let segmentBackend: string | undefined;
  let warper: { impl: Warper; backend: string } | undefined;

  /** The warp backend: as pinned, or WebGPU on a hardware adapter, else WebGL2, else Canvas 2D. */
  async function chooseWarper(): Promise<{ impl: Warper; backend: string }> {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    const wantGpu = warpBackend === 'webgpu' || (warpBackend === 'auto' && gpu !== undefined && !(await isFallbackAdapter(gpu)));
    if (wantGpu && gpu !== undefined) {
      const impl = await createWebGpuWarper(gpu).catch(() => null);
      if (impl !== null) return { impl, backend: 'webgpu' };
    }
    if (warpBackend !== 'canvas2d') {
      const impl = createWebGl2Warper();
      if (impl !== null) return { impl, backend: 'webgl2' };
    }
    return { impl: createCanvas2dWarper(), backend: 'canvas2d-affine' };
  }

  /**
   * One tiny warp as the warper is made, while the face model downloads: a GPU sets up part of its
   * pipeline on the first draw, which would otherwise fall on the first sticker (about 50 of the
   * first warp's 180 ms on the software GPU of this repository's test machine).
   */
  async function warmUp(impl: Warper): Promise<void> {
    const pixel = await createImageBitmap(new ImageData(2, 2));
    const corner = new Float32Array([0, 0, 2, 0, 0, 2]);
    try {
      (await impl.warp(pixel, { width: 2, height: 2, source: corner, target: corner, triangles: new Uint32Array([0, 1, 2]), scale: 1 })).close();
    } finally {
      pixel.close();
    }
  }

  /** The warper being made, once: the look and the job both ask for it. */
  let warperMade: Promise<{ impl: Warper; backend: string }> | undefined;

  function getWarper(): Promise<{ impl: Warper; backend: string }> {
    warperMade ??= chooseWarper().then(async (chosen) => {
      // A warper that fails its warm-up is still tried on the photo, where a failure says more.
      await warmUp(chosen.impl).catch(() => undefined);
      warper = chosen;
      return chosen;
    });
    return warperMade;
  }

  /**
   * The first photo warped once, untouched, as it is decoded: on a first visit the face model is
   * still downloading then. The first texture, draw and transfer at a photo's size took the first
   * sticker's warp 110–230 ms on this repository's test machine, and 50–90 ms after this. Nothing
   * waits for it: each warp stands alone, and a warm-up that stalled must not hold every sticker.
   */
  let warmedAtSize = false;

  function warmAtSize(image: ImageBitmap): void {
    if (warmedAtSize) return;
    warmedAtSize = true;
    getWarper()
      .then(async ({ impl }) => {
        const { width, height } = image;
        const corners = new Float32Array([0, 0, width, 0, 0, height]);
        (await impl.warp(image, { width, height, source: corners, target: corners, triangles: new Uint32Array([0, 1, 2]), scale: 1 })).close();
      })
      .catch(() => undefined);
  }

  async function warpOnce(image: ImageBitmap, mesh: WarpMesh): Promise<ImageBitmap> {
    return (await getWarper()).impl.warp(image, mesh);
  }

  function fetchLandmarker(onProgress: (p: DownloadProgress) => void): Promise<ArrayBuffer> {
    // Landmarks only: the bundle without the blendshapes network, or the published one where this build lacks it.
    // Downloaded after the runtime: the runtime compiles as it arrives and the segmenter can start
    // with it, so on a slow link the face model is the last to land rather than both landing late.
    // Asked for as the runtime's last bytes are due, so that it follows them on the link.
    const runtime = visionRuntime(assetBase);
    // Taken once verified, not once stored too: a failed last write is resumed on the next visit.
    const verifiedModel = () =>
      new Promise<ArrayBuffer>((verified, failed) => {
        const after = visionRuntimeNearlyIn(assetBase);
        loadModelBytes(modelEntry('face-landmarker-lean'), assetBase, onProgress, { after, verified }).then(verified, failed);
      });
    landmarkerFiles ??= Promise.all([verifiedModel(), runtime])
      .then(([bytes]) => bytes)
      .catch((error: unknown) => {
        landmarkerFiles = undefined;
        throw error;
      });
    return landmarkerFiles;
  }

  async function loadLandmarker(onProgress: (p: DownloadProgress) => void): Promise<LoadedFaceLandmarker> {
    instantiateVisionRuntimeAhead(assetBase);
    const bytes = await fetchLandmarker(onProgress);
    const loaded = await createFaceLandmarker(bytes, assetBase, faceDelegate);
    landmarkerFiles = undefined;
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

  /** The segmenter loads on the first person cutout, not with the face model: many stickers never need it. */
  function segmenterReady(): Promise<LoadedSegmenter> {
    segmenter ??= (async () => {
      const model = loadModelBytes(modelEntry('selfie-segmenter'), assetBase, () => undefined);
      // In a worker of its own, so it runs beside the face landmarker; here where that one failed
      // (said in the backend label).
      let ownWorkerFailed: string | undefined;
      const inWorker = await segmentInWorker(
        openSegmenter(),
        Promise.all([model, visionRuntime(assetBase)]).then(([bytes, runtime]) => ({ model: bytes.slice(0), runtime })),
        assetBase,
        faceDelegate,
        onBlocked,
      ).catch((error: unknown) => {
        ownWorkerFailed = errorMessage(error);
        return null;
      });
      const loaded = inWorker ?? (await createPersonSegmenter(await model, assetBase, faceDelegate));
      const where = inWorker !== null ? ', own worker' : ownWorkerFailed === undefined ? '' : `, sticker worker (own worker failed: ${ownWorkerFailed})`;
      segmentBackend = `${mediapipeLabel(loaded.delegate)}${where}`;
      return loaded;
    })().catch((error: unknown) => {
      segmenter = undefined;
      throw error;
    });
    return segmenter;
  }

  const mediapipeLabel = (d: string | undefined) => `mediapipe-wasm-${d === 'GPU' ? 'gpu-webgl2' : 'cpu'}`;

  const backends: Record<StageName, () => string> = {
    'load-models': () => 'indexeddb+fetch+fontface',
    decode: () => 'createImageBitmap',
    'detect-face': () => mediapipeLabel(delegate),
    segment: () => segmentBackend ?? 'mediapipe-wasm (loads on first use)',
    expression: () => 'lexicon',
    warp: () => warper?.backend ?? 'pending',
    align: () => 'js',
    redraw: () => 'onnxruntime-web',
    compose: () => 'offscreen-canvas-2d',
    encode: () => 'offscreen-canvas-png',
    animate: () => `${warper?.backend ?? 'pending'}+offscreen-canvas-2d`,
    'encode-animation': () => `gifenc+${webpEncoder() ?? 'webp'}+webp-mux`,
    export: () => `gifenc+${webpEncoder() ?? 'webp'}`,
  };

  return {
    backend: (stage) => backends[stage](),
    // The warp backend is chosen while models load, so stage labels name it from the first job on.
    fetchModels: async (onProgress) => {
      if (landmarker === undefined) await fetchLandmarker(onProgress);
    },
    loadModels: async (onProgress, uses) => {
      // A failed segmenter load surfaces where it is used: the cutout falls back to the face oval.
      if (uses?.person === true) segmenterReady().catch(() => undefined);
      await Promise.all([ready(onProgress), getWarper()]);
    },
    decode: async (bytes, format, maxSide) => {
      const decoded = await decodePhoto(bytes, format, maxSide);
      warmAtSize(decoded.image);
      return decoded;
    },
    detectFaces: async (image) => (await ready()).detect(image),
    segmentPerson: async (image, oval) =>
      (await segmenterReady()).segment(image, oval).catch((error: unknown) => {
        // A segmenter that failed (its worker gone) is made afresh for the next sticker.
        segmenter = undefined;
        throw error;
      }),
    warp: async (image, mesh, { mouth, eyes }) => {
      const warped = await warpOnce(image, mesh).catch(async (error: unknown) => {
        // A GPU context can be lost under the worker (a driver reset, the GPU process busy with a
        // reload): a warper made afresh gets a new one. A failure that is not that fails again.
        if (warper?.backend === 'canvas2d-affine') throw error;
        warper = undefined;
        warperMade = undefined;
        return warpOnce(image, mesh);
      });
      const lidded = eyes.length === 0 ? warped : paintLids(warped, eyes);
      return mouth === null ? lidded : paintMouth(lidded, mouth);
    },
    // Wanted at compose, well after the face model: on a slow link the font downloads after the
    // model rather than sharing the link with it and holding back the face (~0.25 s at 10 Mbit/s).
    captionFonts: async (caption) => {
      await landmarkerFiles?.catch(() => undefined);
      return fonts.forCaption(caption);
    },
    measureCaption,
    compose: async (image, plan) =>
      plan.template !== undefined ? composeTemplate(image, plan) : plan.style === 'panda' ? composePanda(image, plan) : composeSticker(image, plan),
    cropAligned: async (image, transform, size) => cropAligned(image, transform, size),
    pasteAligned,
    redrawer: async () => {
      if (redraw === null)
        throw new StickerError('WEBGPU_UNAVAILABLE', 'this app was started without the AI redraw', { stage: 'redraw', reason: 'not-configured' });
      return redraw.load();
    },
    encodePng: async (canvas) => (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer(),
    rgba: async (canvas, size) => {
      const frame = scaled(canvas, size);
      const ctx = frame.getContext('2d');
      if (ctx === null) throw new Error('OffscreenCanvas 2D context unavailable');
      return ctx.getImageData(0, 0, size, size).data;
    },
    encodeWebp: (canvas, size, quality = 0.85) => encodeWebp(scaled(canvas, size), quality),
    release: (image) => image.close(),
  };
}
