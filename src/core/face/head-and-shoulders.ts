// Where a person can plausibly be, from the face alone: a head round the face oval with room for
// hair and ears, widening below the jaw into neck and shoulders. It follows the face's size and roll,
// so a flag or poster beside the head is outside it however the segmenter joins it to the person.

import type { Point } from '../geometry/point.ts';
import { smoothstep } from '../geometry/smoothstep.ts';
import { FACE_OVAL } from './landmarks.ts';

const CHIN_IN_OVAL = FACE_OVAL.indexOf(152);

/**
 * The head, an ellipse in face units (across in face widths, down in face heights from the oval's
 * centre): 0.45 face widths of hair or ears beside the face and up to 0.63 face heights of hair
 * above the oval's top. Measured on the fixtures, big hair (astronaut) reaches 0.85 beside, a
 * naval cap (grace_hopper) 0.5 above.
 */
const HEAD = { across: 0.95, centre: -0.35, down: 0.78 };
/** Below this (face heights from the oval's centre, at the jaw) the neck and shoulders widen. */
const SHOULDERS_FROM = 0.15;
/** Their half-width there (face widths) and its growth per face height further down. */
const SHOULDERS = { halfWidth: 0.55, spread: 2 };
/** The soft edge outside the bound: the ellipse fades out by this share of its size, the shoulders over this many face widths. */
const SOFT_HEAD = 0.15;
const SOFT_SHOULDERS = 0.15;

/** The face's frame from its oval (FACE_OVAL order): centre, unit vectors down and across, height and width. */
function ovalFrame(oval: readonly Point[]): { centre: Point; down: Point; across: Point; height: number; width: number } {
  const top = oval[0] ?? { x: 0, y: 0 };
  const chin = oval[CHIN_IN_OVAL] ?? top;
  const height = Math.hypot(chin.x - top.x, chin.y - top.y) || 1;
  const down = { x: (chin.x - top.x) / height, y: (chin.y - top.y) / height };
  const across = { x: -down.y, y: down.x };
  let min = Infinity;
  let max = -Infinity;
  for (const p of oval) {
    const u = p.x * across.x + p.y * across.y;
    min = Math.min(min, u);
    max = Math.max(max, u);
  }
  return { centre: { x: (top.x + chin.x) / 2, y: (top.y + chin.y) / 2 }, down, across, height, width: max - min || 1 };
}

/** The bound's weight at (u, v) in face units: 1 inside, 0 well outside, smooth between. */
function boundAt(u: number, v: number): number {
  const a = u / HEAD.across;
  const b = (v - HEAD.centre) / HEAD.down;
  // Not Math.hypot: run for every pixel of the mask, it was most of the bound's time.
  const e = Math.sqrt(a * a + b * b);
  const head = 1 - smoothstep(1, 1 + SOFT_HEAD, e);
  if (v <= SHOULDERS_FROM) return head;
  const half = SHOULDERS.halfWidth + SHOULDERS.spread * (v - SHOULDERS_FROM);
  return Math.max(head, 1 - smoothstep(half, half + SOFT_SHOULDERS, Math.abs(u)));
}

/**
 * The bound over a width×height mask whose pixels are `scale` photo pixels each, for a face oval
 * in photo pixels.
 */
export function headAndShoulders(oval: readonly Point[], width: number, height: number, scale = 1): Float32Array {
  const frame = ovalFrame(oval);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x + 0.5) * scale - frame.centre.x;
      const dy = (y + 0.5) * scale - frame.centre.y;
      out[y * width + x] = boundAt((dx * frame.across.x + dy * frame.across.y) / frame.width, (dx * frame.down.x + dy * frame.down.y) / frame.height);
    }
  }
  return out;
}

/** The face's width in photo pixels, across its roll: what the bound and the opening are sized by. */
export const faceWidth = (oval: readonly Point[]): number => ovalFrame(oval).width;
