// pickEngine: the in-browser worker for now; the fallback server joins with its own issue.

import { WARP_BACKENDS, type CaptionFontPreference, type FaceDelegatePreference, type WarpBackendPreference } from '../core/protocol.ts';
import { isDiffusionSetId, type DiffusionSetId } from '../core/diffusion/model-sets.ts';
import type { AiDevicePreference } from '../core/diffusion/capability.ts';
import type { StickerEngine } from './sticker-engine.ts';
import { WorkerEngine } from './worker-engine.ts';

/**
 * Ninety seconds of silence: the longest honest pauses are a slow first model download's first
 * byte and one AI network run or session creation on a slow GPU (about 25 s on a software one).
 */
const STALL_MS = 90_000;

export function faceDelegateFromUrl(search: string): FaceDelegatePreference {
  const value = new URLSearchParams(search).get('face');
  return value === 'cpu' || value === 'gpu' ? value : 'auto';
}

export function warpBackendFromUrl(search: string): WarpBackendPreference {
  const value = new URLSearchParams(search).get('warp');
  return WARP_BACKENDS.find((b) => b === value) ?? 'auto';
}

/** ?fonts=system draws captions with the device's fonts only, to compare with the bundled ones. */
export function captionFontsFromUrl(search: string): CaptionFontPreference {
  return new URLSearchParams(search).get('fonts') === 'system' ? 'system' : 'bundled';
}

/** The build's diffusion set (BIAOQING_MODELS at build time; vite.config.ts). */
export function aiModelSet(): DiffusionSetId {
  const built: unknown = import.meta.env.VITE_BIAOQING_MODELS;
  return isDiffusionSetId(built) ? built : 'sdxs-512';
}

/** ?ai=webgpu or ?ai=wasm pins where the AI redraw runs (tests, comparisons); auto otherwise. */
export function aiDeviceFromUrl(search: string): AiDevicePreference {
  const value = new URLSearchParams(search).get('ai');
  return value === 'webgpu' || value === 'wasm' ? value : 'auto';
}

export function createEngine(location: Location): StickerEngine {
  const assetBase = new URL(import.meta.env.BASE_URL, location.href).href;
  const builtBase: unknown = import.meta.env.VITE_BIAOQING_MODEL_BASE;
  return new WorkerEngine({
    createWorker: () =>
      new Worker(new URL('../../workers/sticker.worker.ts', import.meta.url), { type: 'module', name: 'sticker' }),
    init: {
      faceDelegate: faceDelegateFromUrl(location.search),
      warpBackend: warpBackendFromUrl(location.search),
      captionFonts: captionFontsFromUrl(location.search),
      assetBase,
      ai: {
        set: aiModelSet(),
        device: aiDeviceFromUrl(location.search),
        modelBase: typeof builtBase === 'string' && builtBase !== '' ? new URL(builtBase, location.href).href : new URL('models/', assetBase).href,
      },
    },
    stallMs: STALL_MS,
  });
}
