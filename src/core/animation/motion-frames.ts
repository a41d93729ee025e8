// The frames of an animated sticker: the expression eases in from the photographed face, holds,
// and eases back, looping; each expression's motion (bounce, shake, tears...) rides on top.

import type { Point } from '../geometry/point.ts';
import type { Motion } from '../expression/action-units.ts';
import { smoothstep } from '../geometry/smoothstep.ts';

export const FRAME_COUNT = 12;
export const FRAME_MS = 90;

export type OverlayKind = 'tear' | 'heart' | 'sweat' | 'sparkle' | 'blush' | 'anger' | 'question' | 'exclaim' | 'zzz' | 'spiral' | 'dots' | 'gloom';

export interface Overlay {
  kind: OverlayKind;
  /** Centre and size in sticker pixels; alpha 0..1. */
  x: number;
  y: number;
  size: number;
  alpha: number;
}

export interface FrameSpec {
  /** Share of the expression shown in this frame (0 = as photographed). */
  strength: number;
  /** The whole face moved on the sticker: shift in pixels, turn in radians, scale about the centre. */
  dx: number;
  dy: number;
  angle: number;
  scale: number;
  overlays: Overlay[];
}

const TAU = 2 * Math.PI;

/** The overlay each motion animates, if any. */
export const MOTION_OVERLAY: Partial<Record<Motion, OverlayKind>> = { tears: 'tear', hearts: 'heart', sweat: 'sweat', sparkle: 'sparkle' };

function overlays(motion: Motion, t: number, s: number, size: number, eyes: readonly [Point, Point]): Overlay[] {
  switch (motion) {
    case 'tears':
      // Two drops per eye, falling from the lower lid and fading.
      return eyes.flatMap((eye) =>
        [0, 0.5].map((phase) => {
          const fall = (2 * t + phase) % 1;
          return { kind: 'tear' as const, x: eye.x, y: eye.y + size * (0.05 + 0.3 * fall), size: size * 0.045, alpha: s * (1 - fall) };
        }),
      );
    case 'hearts':
      return [0.2, 0.5, 0.8].map((x, i) => {
        const rise = (t + i / 3) % 1;
        return { kind: 'heart' as const, x: size * (x + 0.05 * Math.sin(TAU * rise)), y: size * (0.7 - 0.55 * rise), size: size * 0.08, alpha: s * (1 - rise) };
      });
    case 'sweat':
      return [{ kind: 'sweat', x: size * 0.8, y: size * (0.18 + 0.12 * t), size: size * 0.06, alpha: s }];
    case 'sparkle':
      return [
        { x: 0.16, y: 0.2 },
        { x: 0.85, y: 0.3 },
        { x: 0.8, y: 0.08 },
      ].map((p, i) => ({ kind: 'sparkle' as const, x: size * p.x, y: size * p.y, size: size * 0.07 * (0.6 + 0.4 * Math.sin(TAU * (t + i / 3))), alpha: s }));
    default:
      return [];
  }
}

export function motionFrames(motion: Motion, size: number, eyes: readonly [Point, Point]): FrameSpec[] {
  return Array.from({ length: FRAME_COUNT }, (_, k) => {
    const t = k / FRAME_COUNT;
    const s = smoothstep(0, 0.25, t) * (1 - smoothstep(0.75, 1, t));
    const frame: FrameSpec = { strength: s, dx: 0, dy: 0, angle: 0, scale: 1, overlays: overlays(motion, t, s, size, eyes) };
    if (motion === 'bounce') frame.dy = -Math.abs(Math.sin(TAU * 2 * t)) * 0.05 * size * s;
    if (motion === 'shake') frame.dx = Math.sin(TAU * 4 * t) * 0.03 * size * s;
    if (motion === 'nod') frame.dy = Math.sin(TAU * 2 * t) * 0.03 * size * s;
    if (motion === 'tilt') frame.angle = Math.sin(TAU * t) * ((8 * Math.PI) / 180) * s;
    if (motion === 'zoom') frame.scale = 1 + 0.08 * s * Math.abs(Math.sin(TAU * 2 * t));
    return frame;
  });
}
