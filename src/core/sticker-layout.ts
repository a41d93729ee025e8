// Where things go on the finished sticker. One place, so tests, the compositor and later stages
// (templates, animation) agree on it.

import type { Point } from './geometry/point.ts';
import type { StickerStyle } from './sticker-options.ts';

/** The square sticker's side in pixels: crisp at 2× on a 240-px chat bubble, small to encode. */
export const STICKER_SIZE = 512;

/** Canonical eye centres (subject's right, subject's left) as fractions of the side. */
export const EYE_TARGETS: readonly [Point, Point] = [
  { x: 0.375, y: 0.36 },
  { x: 0.625, y: 0.36 },
];

/** The face oval is grown by this much around its centre, and upward for forehead and hair. */
export const MASK_GROWTH = 1.08;
export const MASK_FOREHEAD_LIFT = 0.28;

/** The caption band at the bottom of the sticker, as fractions of the side. */
export const CAPTION_BAND = { top: 0.76, bottom: 0.97, margin: 0.05 } as const;
/** The band for captions placed on top: the bottom band mirrored. */
export const CAPTION_TOP_BAND = { top: 0.03, bottom: 0.24 } as const;
export const CAPTION_MAX_LINES = 3;
export const CAPTION_FONT_MAX = 72;
export const CAPTION_FONT_MIN = 28;
export const CAPTION_LINE_HEIGHT = 1.15;
/** Ink above and below the baseline, in ems, stroke included (the stroke is 0.2 em wide, half outside). */
export const CAPTION_INK_ABOVE = 1;
export const CAPTION_INK_BELOW = 0.2;
export const CAPTION_STROKE = 0.2;
/** The bundled subset (src/assets/fonts) first, so every device draws the same; then the system's
 *  CJK faces for characters outside it. Emoji in the bundled atlas are drawn as bitmaps (the worker's
 *  caption-emoji.ts); the system's emoji font draws the others. */
export const CAPTION_FONT_FAMILY =
  '"BiaoQing Caption", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Color Emoji", sans-serif';
export const CAPTION_FONT_WEIGHT = 900;

/** Where the face goes for each style: eye targets (fractions of the side) and the cut-out's shape. */
export interface StickerLayout {
  style: StickerStyle;
  eyes: readonly [Point, Point];
  maskGrowth: number;
  foreheadLift: number;
}

export const LAYOUTS: Readonly<Record<StickerStyle, StickerLayout>> = {
  photo: { style: 'photo', eyes: EYE_TARGETS, maskGrowth: MASK_GROWTH, foreheadLift: MASK_FOREHEAD_LIFT },
  // The AI style is the photo style's sticker, its square redrawn before the cut.
  ai: { style: 'ai', eyes: EYE_TARGETS, maskGrowth: MASK_GROWTH, foreheadLift: MASK_FOREHEAD_LIFT },
  // The face fills the panda head's face slot (templates/panda-head.ts): smaller, lower, and cut
  // close to the face (brows to chin), since the head's white is its surround.
  panda: {
    style: 'panda',
    eyes: [
      { x: 0.405, y: 0.46 },
      { x: 0.595, y: 0.46 },
    ],
    maskGrowth: 1,
    foreheadLift: 0.08,
  },
};

export function eyeTargetsPx(size: number = STICKER_SIZE, layout: StickerLayout = LAYOUTS.photo): [Point, Point] {
  const [r, l] = layout.eyes;
  return [
    { x: r.x * size, y: r.y * size },
    { x: l.x * size, y: l.y * size },
  ];
}
