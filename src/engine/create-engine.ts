// The engine the UI talks to: the sticker worker, told where each stage runs (runtime-choices.ts:
// the URL's pins, WeChat's weak-phone path) and where the AI redraw may run (this device, or the
// fallback server the build names, the app's own origin by default).

import type { CaptionFontPreference } from '../core/runtime-preferences.ts';
import { DIFFUSION_SETS, isDiffusionSetId, type DiffusionSetId } from '../core/diffusion/model-sets.ts';
import { AI_DEVICE_PREFERENCES, type AiDevicePreference } from '../core/diffusion/capability.ts';
import type { StickerEngine } from './sticker-engine.ts';
import { WorkerEngine } from './worker-engine.ts';
import { runtimeChoices } from './runtime-choices.ts';
import { takeStickerWorker } from './sticker-worker.ts';

/**
 * Ninety seconds of silence: the longest honest pauses are a slow first model download's first
 * byte and one AI network run or session creation on a slow GPU (about 25 s on a software one).
 */
const STALL_MS = 90_000;

/** ?fonts=system draws captions with the device's fonts only, to compare with the bundled ones. */
export function captionFontsFromUrl(search: string): CaptionFontPreference {
  return new URLSearchParams(search).get('fonts') === 'system' ? 'system' : 'bundled';
}

/**
 * The build's diffusion set (BIAOQING_MODELS at build time; vite.config.ts). A build of test models
 * may be pointed at another set with ?models= (the other fixture layout, or the real set's offer and
 * download), so one build tests them all; a build of real models never leaves its set.
 */
export function aiModelSet(search: string): DiffusionSetId {
  const built: unknown = import.meta.env.VITE_BIAOQING_MODELS;
  const set: DiffusionSetId = isDiffusionSetId(built) ? built : 'sdxs-512';
  const asked = new URLSearchParams(search).get('models');
  return DIFFUSION_SETS[set].test && isDiffusionSetId(asked) ? asked : set;
}

/** ?ai=webgpu|wasm|server pins where the AI redraw runs (tests, comparisons, links); null: not pinned. */
export function aiDeviceFromUrl(search: string): AiDevicePreference | null {
  const value = new URLSearchParams(search).get('ai');
  return AI_DEVICE_PREFERENCES.find((d) => d === value) ?? null;
}

/** The fallback server: BIAOQING_SERVER_URL at build time (vite.config.ts), else the app's own origin. */
export function serverUrl(location: Location): string {
  const built: unknown = import.meta.env.VITE_BIAOQING_SERVER_URL;
  return new URL(typeof built === 'string' && built !== '' ? built : '/', location.href).href;
}

/** `aiDevice`: where the user wants the AI redraw (their setting, or the URL's pin). */
export function createEngine(location: Location, aiDevice: AiDevicePreference): StickerEngine {
  const assetBase = new URL(import.meta.env.BASE_URL, location.href).href;
  const builtBase: unknown = import.meta.env.VITE_BIAOQING_MODEL_BASE;
  const choices = runtimeChoices(location.search, navigator.userAgent);
  return new WorkerEngine({
    createWorker: takeStickerWorker,
    createSegmenterWorker: () => new Worker(new URL('../../workers/segmenter.worker.ts', import.meta.url), { type: 'module', name: 'segmenter' }),
    init: {
      faceDelegate: choices.faceDelegate,
      warpBackend: choices.warpBackend,
      captionFonts: captionFontsFromUrl(location.search),
      assetBase,
      ai: {
        set: aiModelSet(location.search),
        device: aiDevice,
        modelBase: typeof builtBase === 'string' && builtBase !== '' ? new URL(builtBase, location.href).href : new URL('models/', assetBase).href,
        serverUrl: serverUrl(location),
        assumeWeak: choices.assumeWeak,
        ...(choices.assumeShaderF16 === true ? { assumeShaderF16: true as const } : {}),
        singleThreadWasm: choices.singleThreadWasm,
      },
    },
    stallMs: STALL_MS,
  });
}
