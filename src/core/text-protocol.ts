// The protocol between the UI and the text-encoder worker, which ranks expressions for free text
// the lexicon does not know. Kept apart from the sticker protocol: the encoder downloads and runs
// on its own schedule, and a sticker never waits for it.

import type { ErrorInfo } from './errors.ts';
import type { DownloadProgress } from './platform.ts';
import type { RankedExpression } from './expression/embedding-match.ts';
import { isTextEncoderId, type TextEncoderId } from './models/text-encoders.ts';

export const TEXT_DEVICES = ['auto', 'webgpu', 'wasm'] as const;
/** 'auto' = WebGPU when the browser has an adapter, else wasm. */
export type TextDevicePreference = (typeof TEXT_DEVICES)[number];

export interface TextInitOptions {
  assetBase: string;
  encoder: TextEncoderId;
  device: TextDevicePreference;
  /** onnxruntime-web on one wasm thread (WeChat's browser has no threads to give). */
  singleThreadWasm: boolean;
}

export type TextCommand =
  | { type: 'init'; options: TextInitOptions }
  /** Download (or read from the cache) and start the encoder. */
  | { type: 'load' }
  | { type: 'rank'; requestId: string; text: string }
  | { type: 'dispose' };

export type TextEncoderStatus =
  /** Files missing from the cache and from the app's origin: loading means downloading this much. */
  | { status: 'needs-download'; bytes: number }
  | { status: 'loading' }
  | { status: 'ready'; device: 'webgpu' | 'wasm'; loadMs: number; note?: string }
  | { status: 'failed'; error: ErrorInfo };

export type TextEvent =
  | ({ type: 'status' } & TextEncoderStatus)
  | ({ type: 'download' } & DownloadProgress)
  | { type: 'ranked'; requestId: string; ranking: RankedExpression[]; ms: number; fromCache: boolean }
  | { type: 'error'; requestId: string; error: ErrorInfo };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function parseTextCommand(value: unknown): TextCommand | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'init': {
      const o = value.options;
      if (!isRecord(o) || typeof o.assetBase !== 'string' || !isTextEncoderId(o.encoder)) return null;
      const device = TEXT_DEVICES.find((d) => d === o.device);
      if (device === undefined || typeof o.singleThreadWasm !== 'boolean') return null;
      return { type: 'init', options: { assetBase: o.assetBase, encoder: o.encoder, device, singleThreadWasm: o.singleThreadWasm } };
    }
    case 'load':
      return { type: 'load' };
    case 'rank':
      return typeof value.requestId === 'string' && typeof value.text === 'string' ? { type: 'rank', requestId: value.requestId, text: value.text } : null;
    case 'dispose':
      return { type: 'dispose' };
    default:
      return null;
  }
}
