// Where a laid-out caption sits on the sticker: in the top or bottom band, or centred on a point the
// user chose, moved only as far as needed to keep the whole caption (stroke included) on the sticker.

import type { CaptionBox, CaptionLayout, MeasureText } from './caption-layout.ts';
import type { CaptionPlacement } from './sticker-options.ts';
import {
  CAPTION_BAND,
  CAPTION_FONT_MAX,
  CAPTION_FONT_MIN,
  CAPTION_INK_ABOVE,
  CAPTION_INK_BELOW,
  CAPTION_LINE_HEIGHT,
  CAPTION_MAX_LINES,
  CAPTION_STROKE,
  CAPTION_TOP_BAND,
} from './sticker-layout.ts';

export interface PlacedCaption extends CaptionLayout {
  centerX: number;
  baselineY: number[];
}

/** The room a caption has wherever it goes: the band's height, the sticker's width less margins. */
export function captionBox(size: number): CaptionBox {
  return {
    maxWidth: size * (1 - 2 * CAPTION_BAND.margin),
    maxHeight: (CAPTION_BAND.bottom - CAPTION_BAND.top) * size,
    maxLines: CAPTION_MAX_LINES,
    fontMax: CAPTION_FONT_MAX,
    fontMin: CAPTION_FONT_MIN,
    lineHeight: CAPTION_LINE_HEIGHT,
  };
}

/** Height of the lines' ink, first line's top to last line's bottom. */
export function inkHeight(layout: CaptionLayout): number {
  if (layout.lines.length === 0) return 0;
  const { fontSize, lines } = layout;
  return (lines.length - 1) * fontSize * CAPTION_LINE_HEIGHT + (CAPTION_INK_ABOVE + CAPTION_INK_BELOW) * fontSize;
}

/** Widest line's ink, stroke included. */
export function inkWidth(layout: CaptionLayout, measure: MeasureText): number {
  if (layout.lines.length === 0) return 0;
  return Math.max(...layout.lines.map((l) => measure(l, layout.fontSize))) + CAPTION_STROKE * layout.fontSize;
}

/** v within [lo, hi]; the middle when the range is empty (the ink is larger than the room). */
function clamp(v: number, lo: number, hi: number): number {
  return lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
}

/** The caption's centre on the sticker, in pixels: the chosen point, clamped so all its ink stays on. */
export function freeCentre(layout: CaptionLayout, at: { x: number; y: number }, size: number, measure: MeasureText): { x: number; y: number } {
  // The same edge as the bands keep to the sticker's sides and ends.
  const side = CAPTION_BAND.margin * size;
  const end = (1 - CAPTION_BAND.bottom) * size;
  const halfW = inkWidth(layout, measure) / 2;
  const halfH = inkHeight(layout) / 2;
  return {
    x: clamp(at.x * size, side + halfW, size - side - halfW),
    y: clamp(at.y * size, end + halfH, size - end - halfH),
  };
}

export function placeCaption(layout: CaptionLayout, placement: CaptionPlacement, size: number, measure: MeasureText): PlacedCaption {
  const step = layout.fontSize * CAPTION_LINE_HEIGHT;
  const n = layout.lines.length;
  let centerX = size / 2;
  let firstBaseline: number;
  if (placement.kind === 'top') firstBaseline = CAPTION_TOP_BAND.top * size + CAPTION_INK_ABOVE * layout.fontSize;
  else if (placement.kind === 'bottom') {
    // Lines sit on the bottom of the band, the last baseline a little above its edge.
    firstBaseline = CAPTION_BAND.bottom * size - CAPTION_INK_BELOW * layout.fontSize - (n - 1) * step;
  } else {
    const centre = freeCentre(layout, placement, size, measure);
    centerX = centre.x;
    firstBaseline = centre.y - inkHeight(layout) / 2 + CAPTION_INK_ABOVE * layout.fontSize;
  }
  return { ...layout, centerX, baselineY: layout.lines.map((_, i) => firstBaseline + i * step) };
}
