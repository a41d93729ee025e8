// pickEngine: the in-browser worker for now; the fallback server joins with its own issue.

import { WARP_BACKENDS, type CaptionFontPreference, type FaceDelegatePreference, type WarpBackendPreference } from '../core/protocol.ts';
import type { StickerEngine } from './sticker-engine.ts';
import { WorkerEngine } from './worker-engine.ts';

/** Thirty seconds of silence: the longest honest pause is a slow first model download's first byte. */
const STALL_MS = 30_000;

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

export function createEngine(location: Location): StickerEngine {
  return new WorkerEngine({
    createWorker: () =>
      new Worker(new URL('../../workers/sticker.worker.ts', import.meta.url), { type: 'module', name: 'sticker' }),
    init: {
      faceDelegate: faceDelegateFromUrl(location.search),
      warpBackend: warpBackendFromUrl(location.search),
      captionFonts: captionFontsFromUrl(location.search),
      assetBase: new URL(import.meta.env.BASE_URL, location.href).href,
    },
    stallMs: STALL_MS,
  });
}
