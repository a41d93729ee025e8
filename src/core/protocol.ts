// The one protocol between the UI and a sticker engine: messages only. Commands go UI → worker;
// events come back. The fallback server (server/) sends its jobs' stage, progress and error events
// in these same shapes (core/server-api.ts). The words the messages carry are their own modules:
// core/sticker-options.ts (what a sticker is asked to be), core/runtime-preferences.ts (where the
// engine runs its parts).

import type { ErrorInfo } from './errors.ts';
import type { CaptionFontReport, DownloadProgress, PhotoInfo } from './platform.ts';
import type { Point } from './geometry/point.ts';
import type { GifReduction } from './encode/gif-reduction.ts';
import { templateById } from './templates/index.ts';
import type { Box } from './templates/template.ts';
import { isRedrawRequest, type RedrawStatus } from './diffusion/redraw-status.ts';
import type { RedrawReport } from './stages/redraw.ts';
import { isDiffusionSetId, type DiffusionSetId } from './diffusion/model-sets.ts';
import { AI_DEVICE_PREFERENCES, type AiDevicePreference } from './diffusion/capability.ts';
import type { GpuReport } from './gpu-report.ts';
import {
  WARP_BACKENDS,
  WEAK_DEVICE_REASONS,
  type CaptionFontPreference,
  type FaceDelegatePreference,
  type WarpBackendPreference,
  type WeakDeviceReason,
} from './runtime-preferences.ts';
import type { StageName } from './stage-names.ts';
import {
  isCaptionPlacement,
  isCutout,
  isOutline,
  isStyle,
  type Cutout,
  type CutoutFallback,
  type ExpressionChoice,
  type GenerateRequest,
} from './sticker-options.ts';

export interface InitOptions {
  faceDelegate: FaceDelegatePreference;
  warpBackend: WarpBackendPreference;
  /** 'bundled' when absent. */
  captionFonts?: CaptionFontPreference;
  /** Base URL under which the build serves models/ and mediapipe/ (the page's origin by default). */
  assetBase: string;
  /** The AI redraw's model set and where to run it; absent: no AI redraw. */
  ai?: AiInit;
}

export interface AiInit {
  set: DiffusionSetId;
  device: AiDevicePreference;
  modelBase: string;
  /** The fallback server's base URL (the app's origin by default); null: no server. */
  serverUrl: string | null;
  /** Decide as a phone without WebGPU and with 1 GB would: asked by ?gate=weak, or assumed in WeChat's browser. */
  assumeWeak: WeakDeviceReason | null;
  /** Decide as if the adapter had shader-f16 (?gate=shader-f16): tests of the real set's download on a software GPU. */
  assumeShaderF16?: true;
  /** onnxruntime-web on one wasm thread (WeChat's browser has no threads to give). */
  singleThreadWasm: boolean;
}

export type Command =
  | { type: 'init'; options: InitOptions }
  | { type: 'generate'; jobId: string; photo: ArrayBuffer; request: GenerateRequest }
  | { type: 'cancel'; jobId: string }
  /**
   * A photo was chosen: the face model starts now, and the photo's pixels, faces and (`person`: the
   * form asks for a person cutout) person are worked out for the sticker to come.
   */
  | { type: 'look'; photo: ArrayBuffer; person: boolean }
  /** Download and load the AI redraw's models now (the user pressed download). */
  | { type: 'redraw-load' }
  /** Stop a download or load in progress; what was stored is kept for a resume. */
  | { type: 'redraw-cancel' }
  /** The user chose where the AI redraw runs. */
  | { type: 'redraw-prefer'; device: AiDevicePreference }
  /**
   * The segmenter's worker, started by the page on the sticker worker's asking ('segmenter-wanted'):
   * `port` is one end of a channel to it (a MessagePort; core knows no DOM), or why it did not start.
   */
  | { type: 'segmenter-port'; port: object }
  | { type: 'segmenter-failed'; message: string }
  | { type: 'dispose' };

/** A high-resolution file for saving and sharing: the sticker redrawn at `size`, not enlarged. */
export interface HdFile {
  size: number;
  type: 'image/png' | 'image/webp';
  file: ArrayBuffer;
  bytes: number;
}

/** Time each export took, in ms (diagnostics and the bench). */
export type ExportTimings = Record<'wechat' | 'whatsapp' | 'telegram' | 'hd', number>;

/** The sticker made to each platform's rules (docs/product-facts.md), each checked against its cap. */
export interface PlatformExports {
  /** WeChat sticker platform: 240×240 GIF (animated or one frame), looping forever, ≤ 500 KB. */
  wechat: {
    gif: ArrayBuffer;
    bytes: number;
    maxBytes: number;
    size: number;
    frames: number;
    colours: number;
    /** What had to give to fit the cap, in order. */
    reductions: GifReduction[];
    fits: boolean;
  };
  /** WhatsApp: 512×512 WebP, ≤ 100 KB still or ≤ 500 KB animated. */
  whatsapp: { webp: ArrayBuffer; bytes: number; maxBytes: number; animated: boolean; quality: number | null; fits: boolean };
  /** Telegram: one side exactly 512 px, PNG (WebP when the PNG is over the cap), ≤ 512 KB. */
  telegram: { file: ArrayBuffer; type: 'image/png' | 'image/webp'; bytes: number; maxBytes: number; fits: boolean };
  /** PNG and WebP at the sticker's size and at twice it (512 and 1024 px). */
  hd: HdFile[];
  ms: ExportTimings;
}

export interface StickerResult {
  jobId: string;
  png: ArrayBuffer;
  width: number;
  height: number;
  photo: PhotoInfo;
  facesFound: number;
  /** The expression applied, and the share of its motion the warp could apply without folding. */
  expression: (ExpressionChoice & { applied: number }) | null;
  /** Where the eyes (subject's right, subject's left) were found, in working-photo pixels. */
  eyes: [Point, Point];
  /** The looping animated sticker, when asked for: GIF at chat size, WebP at full size. */
  animation: { gif: ArrayBuffer; webp: ArrayBuffer; frames: number; frameMs: number; gifSize: number; webpSize: number } | null;
  exports: PlatformExports;
  /** Template stickers: per slot, where the eyes landed and the slot's box, in sticker pixels; [] otherwise. */
  slots: SlotReport[];
  /** The cutout made (null for the panda style), and why it is not the one asked for, if so. */
  cutout: { kind: Cutout; fallback: CutoutFallback | null } | null;
  /** The AI style's redraw: prompt, settings, engine, per-step times; null for other styles. */
  redraw: RedrawReport | null;
  timings: Partial<Record<StageName, number>>;
  backends: Partial<Record<StageName, string>>;
  captionFont: CaptionFontReport;
}

export interface SlotReport {
  eyes: [Point, Point];
  box: Box;
}

export type EngineEvent =
  | { type: 'ready'; gpu: GpuReport }
  | ({ type: 'download' } & DownloadProgress)
  /** A request the worker refused because it went neither to the app nor to a model source. */
  | { type: 'blocked'; url: string }
  | { type: 'stage'; jobId: string; stage: StageName; phase: 'start' | 'end'; backend: string; ms?: number }
  /** Steps inside a long stage (animation frames): shown to the user, and proof of life for the watchdog. */
  | { type: 'progress'; jobId: string; stage: StageName; done: number; total: number }
  /** The AI redraw's state: models, the capability gate's decision and why, download and load. */
  | { type: 'redraw'; status: RedrawStatus }
  /** The AI redraw's clean estimate after a step: opaque RGBA, size×size. */
  | { type: 'preview'; jobId: string; rgba: ArrayBuffer; size: number; step: number }
  /**
   * The still sticker the moment it is composed, as RGBA pixels (width×height): shown while its PNG,
   * animation and exports are made, so the screen waits for none of them.
   */
  | { type: 'still'; jobId: string; rgba: ArrayBuffer; width: number; height: number }
  | ({ type: 'result' } & StickerResult)
  | { type: 'error'; jobId: string | null; error: ErrorInfo }
  /**
   * The sticker worker wants the person segmenter's worker started (or stopped, 'segmenter-close'):
   * the page starts every worker, because a worker started by a worker is sometimes frozen with its
   * parent in Firefox under WebDriver BiDi (docs/ARCHITECTURE.md).
   */
  | { type: 'segmenter-wanted' }
  | { type: 'segmenter-close' };

export function assertNever(value: never): never {
  throw new Error(`Unhandled protocol message: ${JSON.stringify(value)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isExpressionChoice(value: unknown): value is ExpressionChoice | null {
  return value === null || (isRecord(value) && typeof value.id === 'string' && typeof value.intensity === 'number' && Number.isFinite(value.intensity));
}

function isGenerateRequest(value: unknown): value is GenerateRequest {
  return (
    isRecord(value) &&
    typeof value.prompt === 'string' &&
    typeof value.caption === 'string' &&
    isStyle(value.style) &&
    typeof value.animate === 'boolean' &&
    isExpressionChoice(value.expression) &&
    (value.outline === undefined || isOutline(value.outline)) &&
    (value.template === undefined || (typeof value.template === 'string' && templateById(value.template) !== undefined)) &&
    (value.cutout === undefined || isCutout(value.cutout)) &&
    (value.captionPlacement === undefined || isCaptionPlacement(value.captionPlacement)) &&
    (value.style === 'ai' ? isRedrawRequest(value.redraw) : value.redraw === undefined)
  );
}

const isAiDevice = (value: unknown): value is AiDevicePreference => (AI_DEVICE_PREFERENCES as readonly unknown[]).includes(value);

/** Commands cross a trust boundary (the worker's postMessage): check them before acting. */
export function parseCommand(value: unknown): Command | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'init': {
      const options = value.options;
      if (!isRecord(options)) return null;
      const delegate = options.faceDelegate;
      if (delegate !== 'auto' && delegate !== 'cpu' && delegate !== 'gpu') return null;
      if (typeof options.assetBase !== 'string') return null;
      const warp = options.warpBackend;
      if (typeof warp !== 'string' || !(WARP_BACKENDS as readonly string[]).includes(warp)) return null;
      const fonts = options.captionFonts;
      if (fonts !== undefined && fonts !== 'bundled' && fonts !== 'system') return null;
      const parsed: InitOptions = { faceDelegate: delegate, warpBackend: warp as WarpBackendPreference, assetBase: options.assetBase };
      if (fonts !== undefined) parsed.captionFonts = fonts;
      const ai = options.ai;
      if (ai !== undefined) {
        if (!isRecord(ai) || !isDiffusionSetId(ai.set) || typeof ai.modelBase !== 'string' || !isAiDevice(ai.device)) return null;
        if (ai.serverUrl !== null && typeof ai.serverUrl !== 'string') return null;
        const assumeWeak = ai.assumeWeak === null ? null : WEAK_DEVICE_REASONS.find((r) => r === ai.assumeWeak);
        if (assumeWeak === undefined || typeof ai.singleThreadWasm !== 'boolean') return null;
        parsed.ai = { set: ai.set, device: ai.device, modelBase: ai.modelBase, serverUrl: ai.serverUrl, assumeWeak, singleThreadWasm: ai.singleThreadWasm };
        if (ai.assumeShaderF16 === true) parsed.ai.assumeShaderF16 = true;
      }
      return { type: 'init', options: parsed };
    }
    case 'generate':
      if (typeof value.jobId !== 'string' || !(value.photo instanceof ArrayBuffer)) return null;
      if (!isGenerateRequest(value.request)) return null;
      return { type: 'generate', jobId: value.jobId, photo: value.photo, request: value.request };
    case 'cancel':
      return typeof value.jobId === 'string' ? { type: 'cancel', jobId: value.jobId } : null;
    case 'look':
      return value.photo instanceof ArrayBuffer && typeof value.person === 'boolean' ? { type: 'look', photo: value.photo, person: value.person } : null;
    case 'redraw-load':
    case 'redraw-cancel':
      return { type: value.type };
    case 'redraw-prefer':
      return isAiDevice(value.device) ? { type: 'redraw-prefer', device: value.device } : null;
    case 'segmenter-port':
      return typeof value.port === 'object' && value.port !== null ? { type: 'segmenter-port', port: value.port } : null;
    case 'segmenter-failed':
      return typeof value.message === 'string' ? { type: 'segmenter-failed', message: value.message } : null;
    case 'dispose':
      return { type: 'dispose' };
    default:
      return null;
  }
}
