// What the sticker worker and the segmenter's own worker say to each other.

import type { FloatMask } from '../../../core/image/float-mask.ts';
import type { FaceDelegatePreference } from '../../../core/runtime-preferences.ts';
import type { VisionDelegate } from './mediapipe-vision.ts';

export type SegmenterCommand =
  /** `runtime`: MediaPipe's, compiled by the sticker worker. */
  | { type: 'init'; model: ArrayBuffer; runtime: WebAssembly.Module; assetBase: string; delegate: FaceDelegatePreference }
  /** `input` is the photo as the segmenter takes it (segmenterInput), moved to the worker. */
  | { type: 'segment'; id: number; input: ImageBitmap };

export type SegmenterReply =
  | { type: 'ready'; delegate: VisionDelegate }
  | { type: 'mask'; id: number; mask: FloatMask }
  /** `id` null: the segmenter could not start. */
  | { type: 'failed'; id: number | null; message: string }
  | { type: 'blocked'; url: string };
