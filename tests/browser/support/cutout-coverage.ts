// How much of a person-cutout sticker is not the person: opaque pixels outside a head-and-shoulders
// region drawn round the landmarks an independent harness found on the sticker itself, as far as the
// portrayed person's hair reaches,
// opaque pixels in its top corners (where a flag or poster behind the head ends up), and how much of
// the face stayed. The browser test asserts on these, the bench reports them.

import { FACE_OVAL } from '../../../src/core/face/landmarks.ts';

type P = { x: number; y: number };

export interface CutoutCoverage {
  /** Share of the opaque pixels (alpha ≥ 128) outside the head-and-shoulders region. */
  outside: number;
  /** Share of the two top corner squares (a fifth of the side each) that is opaque. */
  topCorners: number;
  /** Share of the face oval's pixels that are fully opaque (alpha ≥ 250). */
  faceKept: number;
}

/**
 * How far a photo's person reaches past the face oval, in face widths beside it and face heights
 * above its top, with a margin: measured on each fixture's segmenter mask (a naval cap and short
 * hair reach 0.14 beside; a bob of big hair 0.35).
 */
export interface HairReach {
  beside: number;
  above: number;
}

export const HAIR: Record<string, HairReach> = {
  'faces/grace_hopper.jpg': { beside: 0.25, above: 0.55 },
  'faces/astronaut.png': { beside: 0.45, above: 0.55 },
};

/**
 * The person's head (an ellipse round the face oval with the photo's hair reach) and, below the
 * jaw, a wedge widening into the shoulders. Face units: u across in face widths, v down in face
 * heights from the oval's centre, whose top is at v = −0.5.
 */
function inPersonRegion(u: number, v: number, hair: HairReach): boolean {
  const centre = -0.3;
  const down = 0.5 + hair.above + centre;
  const head = (u / (0.5 + hair.beside)) ** 2 + ((v - centre) / down) ** 2 <= 1;
  const shoulders = v > 0.2 && Math.abs(u) <= 0.6 + 2 * (v - 0.2);
  return head || shoulders;
}

/** Whether the pixel centre (x, y) lies inside the polygon (even-odd rule). */
function insidePolygon(polygon: readonly P[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** The coverage of a size×size RGBA sticker, given its face's 478 landmarks (sticker pixels). */
export function cutoutCoverage(rgba: Uint8Array, size: number, points: readonly P[], hair: HairReach): CutoutCoverage {
  const top = points[10]!;
  const chin = points[152]!;
  const h = Math.hypot(chin.x - top.x, chin.y - top.y);
  const down = { x: (chin.x - top.x) / h, y: (chin.y - top.y) / h };
  const across = { x: -down.y, y: down.x };
  const right = points[234]!;
  const left = points[454]!;
  const w = Math.abs((left.x - right.x) * across.x + (left.y - right.y) * across.y);
  const centre = { x: (top.x + chin.x) / 2, y: (top.y + chin.y) / 2 };
  const oval = FACE_OVAL.map((i) => points[i]!);
  const corner = Math.round(size / 5);
  let opaque = 0;
  let outside = 0;
  let cornerOpaque = 0;
  let face = 0;
  let faceOpaque = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = rgba[4 * (y * size + x) + 3] ?? 0;
      const dx = x + 0.5 - centre.x;
      const dy = y + 0.5 - centre.y;
      if (insidePolygon(oval, x + 0.5, y + 0.5)) {
        face++;
        if (alpha >= 250) faceOpaque++;
      }
      if (alpha < 128) continue;
      opaque++;
      if (!inPersonRegion((dx * across.x + dy * across.y) / w, (dx * down.x + dy * down.y) / h, hair)) outside++;
      if (y < corner && (x < corner || x >= size - corner)) cornerOpaque++;
    }
  }
  return { outside: opaque === 0 ? 0 : outside / opaque, topCorners: cornerOpaque / (2 * corner * corner), faceKept: face === 0 ? 0 : faceOpaque / face };
}
