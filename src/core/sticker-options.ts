// The sticker's options: what the user can ask for (style, expression, outline, cutout, caption
// placement), their defaults and checks, and the request that gathers them. A leaf, so the UI,
// the pipeline, the platform and the protocol all read the same words without importing each other.

import type { RedrawRequest } from './diffusion/redraw-status.ts';

/** 'photo': the user's own face, cut out with a white edge; 'panda': the 熊猫头 fusion; 'ai': the photo style redrawn by the diffusion models. */
export const STYLES = ['photo', 'panda', 'ai'] as const;
export type StickerStyle = (typeof STYLES)[number];

export function isStyle(value: unknown): value is StickerStyle {
  return typeof value === 'string' && (STYLES as readonly string[]).includes(value);
}

/** The expression the user settled on: a lexicon id and a strength (1 = as the lexicon writes it). */
export interface ExpressionChoice {
  id: string;
  intensity: number;
}

/** The die-cut edge around the cut-out face: width in sticker pixels (0: none), colour as #rrggbb. */
export interface Outline {
  width: number;
  colour: string;
}

export const OUTLINE_MAX_WIDTH = 24;
export const DEFAULT_OUTLINE: Outline = { width: 10, colour: '#ffffff' };

export function isOutline(value: unknown): value is Outline {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return typeof o.width === 'number' && o.width >= 0 && o.width <= OUTLINE_MAX_WIDTH && typeof o.colour === 'string' && /^#[0-9a-f]{6}$/iu.test(o.colour);
}

/** What the photo style cuts out: the whole person (segmented) or the face oval alone. */
export const CUTOUTS = ['person', 'face'] as const;
export type Cutout = (typeof CUTOUTS)[number];
export const DEFAULT_CUTOUT: Cutout = 'person';

export function isCutout(value: unknown): value is Cutout {
  return typeof value === 'string' && (CUTOUTS as readonly string[]).includes(value);
}

/** Why a person cutout became the face oval: nobody segmented near the face, or no segmenter model. */
export type CutoutFallback = 'no-person' | 'segmenter-unavailable';

/** Where the caption goes: the top or bottom band, or centred on a point given in fractions of the side. */
export type CaptionPlacement = { kind: 'top' } | { kind: 'bottom' } | { kind: 'free'; x: number; y: number };

export const DEFAULT_CAPTION_PLACEMENT: CaptionPlacement = { kind: 'bottom' };

const isFraction = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

export function isCaptionPlacement(value: unknown): value is CaptionPlacement {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return p.kind === 'top' || p.kind === 'bottom' || (p.kind === 'free' && isFraction(p.x) && isFraction(p.y));
}

export interface GenerateRequest {
  /** Expression words as typed ("开心大笑"), kept for the AI prompt and history. */
  prompt: string;
  /** What the words were understood as; null keeps the face as photographed. */
  expression: ExpressionChoice | null;
  /** Text drawn on the sticker; empty means no caption. */
  caption: string;
  style: StickerStyle;
  /** Also make the looping animated sticker (GIF and WebP). */
  animate: boolean;
  /** The photo style's edge; DEFAULT_OUTLINE when absent. */
  outline?: Outline;
  /** A template id from the library (core/templates); absent = the style's own layout. */
  template?: string;
  /** The photo style's cutout; DEFAULT_CUTOUT when absent. The panda style ignores it. */
  cutout?: Cutout;
  /** DEFAULT_CAPTION_PLACEMENT (bottom band) when absent. */
  captionPlacement?: CaptionPlacement;
  /** The AI style's steps, strength and seed; required for style 'ai'. */
  redraw?: RedrawRequest;
}
