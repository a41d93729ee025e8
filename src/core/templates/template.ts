// What a template is: vector art drawn by this project (no images) and face slots, all in
// fractions of the sticker's side so one template draws at any size.

import type { Point } from '../geometry/point.ts';

export const THEMES = ['reaction', 'panda', 'animals', 'festival', 'work-study'] as const;
export type Theme = (typeof THEMES)[number];

/** Colours as CSS colour strings; `width` is the stroke's width as a fraction of the side. */
export interface Paint {
  fill?: string;
  stroke?: string;
  width?: number;
}

export type Shape = Paint &
  (
    | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number; rotate?: number }
    | { kind: 'rect'; x: number; y: number; w: number; h: number; radius?: number }
    /** Closed outline. */
    | { kind: 'polygon'; points: readonly (readonly [number, number])[] }
    /** Open polyline (stroke only). */
    | { kind: 'line'; points: readonly (readonly [number, number])[] }
    /** Centred text; `size` is the font size as a fraction of the side. */
    | { kind: 'text'; x: number; y: number; size: number; text: string; rotate?: number }
  );

/**
 * How a face is set into its slot. 'photo': colour cut-out with the user's die-cut edge; 'ink': the
 * 熊猫头 look, black ink on white (image/two-tone.ts); 'tint': the colour photo recoloured to `tint`
 * (hue and saturation of the tint, the face's own light and shade).
 */
export type SlotBlend = 'photo' | 'ink' | 'tint';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FaceSlot {
  /** Eye targets (subject's right, subject's left): position, size and rotation of the face. */
  eyes: readonly [Point, Point];
  /** Where the face is meant to be, for checks and diagnostics; holds both eyes. */
  box: Box;
  blend: SlotBlend;
  tint?: string;
  /** Applied after the eyes are placed, about the eye line (geometry/affine.ts eyeLineWarp). */
  perspective?: { squash: number; shear: number };
}

export interface Template {
  id: string;
  theme: Theme;
  name: { zh: string; en: string };
  /** Offered as the caption when the user has not typed one. */
  caption: { zh: string; en: string };
  /** Art under the faces, then art over them, each in drawing order. */
  under: readonly Shape[];
  over: readonly Shape[];
  /** The first slot takes the main (largest) face and the expression's marks. */
  slots: readonly FaceSlot[];
}

/**
 * A slot from its eye midpoint, eye distance and roll (radians, clockwise), with a box of the
 * face's usual extent around it (a face is about 2.3 eye distances wide, brow to chin 2.5).
 */
export function slot(
  cx: number,
  cy: number,
  eyeDistance: number,
  blend: SlotBlend,
  extra: { roll?: number; tint?: string; perspective?: { squash: number; shear: number } } = {},
): FaceSlot {
  const { roll = 0, ...rest } = extra;
  const h = (eyeDistance / 2) * Math.cos(roll);
  const v = (eyeDistance / 2) * Math.sin(roll);
  const half = 1.35 * eyeDistance;
  return {
    eyes: [
      { x: cx - h, y: cy - v },
      { x: cx + h, y: cy + v },
    ],
    box: { x: cx - half, y: cy - 1.1 * eyeDistance, w: 2 * half, h: 2.6 * eyeDistance },
    blend,
    ...rest,
  };
}

/** Points of a regular star or burst around (cx, cy), for shock bursts, stars and flames. */
export function star(cx: number, cy: number, outer: number, inner: number, tips: number, turn = 0): [number, number][] {
  return Array.from({ length: 2 * tips }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = turn - Math.PI / 2 + (i * Math.PI) / tips;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as [number, number];
  });
}

/** Small dots scattered deterministically (confetti, stars in the sky); no randomness, so renders repeat. */
export function dots(count: number, colours: readonly string[], area: Box, r: number): Shape[] {
  return Array.from({ length: count }, (_, i) => {
    // Golden-ratio steps spread the dots evenly without clumping.
    const fx = (i * 0.618034 + 0.13) % 1;
    const fy = (i * 0.381966 + 0.29) % 1;
    return { kind: 'ellipse', cx: area.x + fx * area.w, cy: area.y + fy * area.h, rx: r, ry: r, fill: colours[i % colours.length] ?? '#000' } as const;
  });
}
