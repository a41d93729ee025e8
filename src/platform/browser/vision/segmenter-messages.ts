// What the sticker worker and the segmenter's own worker say to each other.

import type { FloatMask } from '../../../core/image/float-mask.ts';
import type { Point } from '../../../core/geometry/point.ts';
import type { FaceDelegatePreference } from '../../../core/runtime-preferences.ts';
import type { VisionDelegate } from './mediapipe-vision.ts';

export type SegmenterCommand =
  /** `runtime`: MediaPipe's, compiled by the sticker worker. */
  | { type: 'init'; model: ArrayBuffer; runtime: WebAssembly.Module; assetBase: string; delegate: FaceDelegatePreference }
  /** `input` is the photo as the segmenter takes it (segmenterInput), moved to the worker; `scale` photo pixels per pixel of it. */
  | { type: 'segment'; id: number; input: ImageBitmap; scale: number }
  /** The face of segment `id`, its oval in photo pixels: its person is kept round it (personNearFace) and sent back. */
  | { type: 'near'; id: number; oval: readonly Point[] }
  /** No face was found for segment `id`: its mask is let go. */
  | { type: 'drop'; id: number };

export type SegmenterReply =
  | { type: 'ready'; delegate: VisionDelegate }
  /** Segment `id`'s person round its face; null when nobody covers it. */
  | { type: 'person'; id: number; person: FloatMask | null }
  /** `id` null: the segmenter could not start. */
  | { type: 'failed'; id: number | null; message: string }
  | { type: 'blocked'; url: string };
