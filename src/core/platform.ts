// What the pipeline needs from a runtime. The browser worker implements it with createImageBitmap,
// MediaPipe and OffscreenCanvas; the fallback server will implement it on Node. Stage code stays
// the same on both.

import type { MeasureText } from './caption-layout.ts';
import type { PlacedCaption } from './caption-placement.ts';
import type { FaceLandmarks } from './face/landmarks.ts';
import type { Point } from './geometry/point.ts';
import type { Similarity } from './geometry/similarity.ts';
import type { Affine } from './geometry/affine.ts';
import type { Box } from './templates/template.ts';
import type { ImageFormat } from './image/sniff-image.ts';
import type { Outline, StickerStyle } from './sticker-options.ts';
import type { StageName } from './stage-names.ts';
import type { WarpMesh } from './warp/warp-mesh.ts';
import type { Overlay } from './animation/motion-frames.ts';
import type { MouthOpening } from './warp/mouth-opening.ts';
import type { ClosedEye } from './warp/closed-eyes.ts';
import type { FloatMask } from './image/float-mask.ts';
import type { DiffusionRuntime } from './diffusion/redraw.ts';
import type { RedrawEngineInfo, RedrawRequest } from './diffusion/redraw-status.ts';

export interface PhotoInfo {
  /** Size after EXIF orientation, before downscaling. */
  sourceWidth: number;
  sourceHeight: number;
  /** Size the pipeline worked on. */
  width: number;
  height: number;
}

export interface DecodedPhoto<Img> {
  image: Img;
  info: PhotoInfo;
}

export interface PersonCutout {
  mask: FloatMask;
  oval: Point[];
  /**
   * An animation frame's: the still's transform and oval. The frame draws the still's cut moved
   * from there to its own transform, rather than cutting the person out again.
   */
  cutAt?: { transform: Similarity; oval: Point[] };
}

/** Everything the compositor draws, in sticker pixels. */
export interface StickerPlan {
  size: number;
  style: StickerStyle;
  /** Source photo pixels → sticker pixels. */
  transform: Similarity;
  /** Cut-out outline of the face on the sticker. */
  mask: Point[];
  /** The die-cut edge: width in pixels (0: none) and colour. */
  outline: Outline;
  /**
   * The person cutout, when there is one: the segmenter's confidence in photo pixels (only the
   * face's person kept) and the warped face oval in sticker pixels; null cuts along `mask`.
   */
  person: PersonCutout | null;
  caption: PlacedCaption;
  /** Drawn over the face, under the caption: the expression's marks, and tears, hearts... in animation. */
  overlays: Overlay[];
  /** A template sticker: its id and, per slot, the face's placement; absent for the style's own layout. */
  template?: { id: string; faces: SlotFace[] };
}

/** One template slot's face on the sticker. */
export interface SlotFace {
  /** Source photo pixels → sticker pixels, perspective included. */
  transform: Affine;
  mask: Point[];
  /** Where the photographed eyes land (subject's right, subject's left). */
  eyes: [Point, Point];
  /** The slot's box in sticker pixels. */
  box: Box;
}

/** What the warp leaves for painting: an opened mouth's inside, closed eyes' lids. */
export interface WarpPaint {
  mouth: MouthOpening | null;
  eyes: ClosedEye[];
}

export interface DownloadProgress {
  model: string;
  loaded: number;
  total: number;
  /** Read from this device's cache, nothing downloaded. */
  cached: boolean;
  /** Over the last few seconds; null when cached or too early to say. */
  bytesPerSecond: number | null;
  secondsLeft: number | null;
}

/** Which faces drew the caption. */
export interface CaptionFontReport {
  /** The bundled parts that loaded: 'BiaoQing Caption' (the CJK face's CSS name) and 'BiaoQing
   *  Emoji' (the emoji atlas); empty when only the system's fonts draw. */
  loaded: string[];
  /** The loaded parts' sources and subsets, as the build scripts made them. */
  version: string | null;
  /** How long loading the bundle took, ms. */
  ms: number;
  /** Why (part of) the bundle is not drawing, the system's fonts drawing instead: 'system' was
   *  asked for, or each failed part's load error. */
  reason?: string;
}

/** A prompt's CLIP hidden states, wherever the runtime keeps them (the GPU, when it can). */
export interface PromptEmbedding {
  release(): void;
}

/** The AI redraw's networks, loaded: what the redraw stage drives. */
export interface LoadedDiffusion {
  runtime: DiffusionRuntime<PromptEmbedding>;
  /** Tokenise and encode (or read the cached hidden states of) a prompt. */
  embed(prompt: string): Promise<PromptEmbedding>;
  info: RedrawEngineInfo;
  /** GPU tensors not yet disposed: 0 between jobs once idle. */
  liveGpuTensors(): number;
  /** Resolves when no network run is queued or running, the background prompt encodings included. */
  idle(): Promise<void>;
}

/** What the redraw is asked to draw: the English prompt, and the words and expression it came from (the server makes its own prompt from them). */
export interface RedrawPrompt {
  text: string;
  words: string;
  expression: string | null;
}

export interface RedrawerHooks {
  signal: { readonly aborted: boolean };
  onProgress(done: number, total: number): void;
  onPreview(rgba: Uint8ClampedArray, size: number, step: number): void;
}

/** Redraws the sticker's size×size square: on this device's networks or on the fallback server. */
export interface Redrawer {
  info: RedrawEngineInfo;
  redraw(square: Uint8ClampedArray, size: number, prompt: RedrawPrompt, request: RedrawRequest, hooks: RedrawerHooks): Promise<Uint8ClampedArray>;
  /** GPU tensors not yet disposed (0 unless something leaked; always 0 on the server). */
  liveGpuTensors(): number;
}

export interface Platform<Img, Surface> {
  /** The backend each stage runs on ("mediapipe-wasm-cpu", "offscreen-canvas-2d"...), for diagnostics. */
  backend(stage: StageName): string;
  /**
   * Brings the face model's files onto the device (stored, in the browser's cache) without
   * starting them: opening the app costs the network, not the memory of a running model.
   */
  fetchModels(onProgress: (p: DownloadProgress) => void): Promise<void>;
  /**
   * Starts the face model (fetching its files first if need be). With `person`, the segmenter starts loading too, without being waited
   * for: its download shares the wait for the face model, and segmentPerson waits for it.
   */
  loadModels(onProgress: (p: DownloadProgress) => void, uses?: { person: boolean }): Promise<void>;
  decode(bytes: ArrayBuffer, format: ImageFormat, maxSide: number): Promise<DecodedPhoto<Img>>;
  detectFaces(image: Img): Promise<FaceLandmarks[]>;
  /**
   * The person whose face `oval` outlines (photo pixels, given once the face is found): the
   * segmenter's confidence per photo pixel, kept only round that face (personNearFace); null when
   * nobody segmented covers it. Loads its model on first use, throws when it cannot. Asked for before
   * the face is found, so the segmenter can start at once; where it has a core of its own, the person
   * is kept there while this one warps the face.
   */
  segmentPerson(image: Img, oval: Promise<readonly Point[]>): Promise<FloatMask | null>;
  /** Draws the photo through the mesh (GPU where possible) and paints an opened mouth and closed lids. */
  warp(image: Img, mesh: WarpMesh, paint: WarpPaint): Promise<Img>;
  /** Loads the caption faces `caption` needs, on its first need; reports those loaded so far (diagnostics). */
  captionFonts(caption: string): Promise<CaptionFontReport>;
  measureCaption: MeasureText;
  compose(image: Img, plan: StickerPlan): Promise<Surface>;
  /** The square the plan maps the photo onto, unmasked and opaque: size×size RGBA. */
  cropAligned(image: Img, transform: Similarity, size: number): Promise<Uint8ClampedArray>;
  /** The photo with a size×size square put back where cropAligned took it from. */
  pasteAligned(image: Img, rgba: Uint8ClampedArray, size: number, transform: Similarity): Promise<Img>;
  /** The AI redraw, where the engine picker sent it: local networks loaded on first use, or the server; throws when neither can run it. */
  redrawer(signal: { readonly aborted: boolean }): Promise<Redrawer>;
  encodePng(surface: Surface): Promise<ArrayBuffer>;
  /** The surface scaled to size×size, as RGBA pixels (for GIF frames). */
  rgba(surface: Surface, size: number): Promise<Uint8ClampedArray>;
  /** The surface scaled to size×size, as a still WebP file (animated WebP frames, exports); quality 0..1. */
  encodeWebp(surface: Surface, size: number, quality?: number): Promise<ArrayBuffer>;
  release(image: Img): void;
}
