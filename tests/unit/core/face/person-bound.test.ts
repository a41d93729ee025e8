// The person kept for the cutout on synthetic masks: a head and shoulders, with a flag, blobs and
// a half-believed background the segmenter joined to it.

import { describe, expect, it } from 'vitest';
import { personNearFace } from '../../../../src/core/face/person-cutout.ts';
import { headAndShoulders } from '../../../../src/core/face/head-and-shoulders.ts';
import type { FloatMask } from '../../../../src/core/image/float-mask.ts';
import type { Point } from '../../../../src/core/geometry/point.ts';
import { ellipse } from '../../support/synthetic-face.ts';

const SIZE = 200;
/** The face oval: 50 wide, 64 high, centred at (100, 80); its top at y 48, its chin at y 112. */
const CENTRE = { x: 100, y: 80 };
const OVAL = ellipse(CENTRE, 25, 32);

/** Turns a point about the face's centre by `roll` radians. */
function turn(p: Point, roll: number): Point {
  const dx = p.x - CENTRE.x;
  const dy = p.y - CENTRE.y;
  return { x: CENTRE.x + dx * Math.cos(roll) - dy * Math.sin(roll), y: CENTRE.y + dx * Math.sin(roll) + dy * Math.cos(roll) };
}

/**
 * A person as a segmenter sees them, upright: the head (face and 5 px of hair beside it, 20 above
 * the oval's top), a neck, and shoulders widening to the frame's bottom edge.
 */
function isPerson(x: number, y: number): boolean {
  const head = ((x - 100) / 30) ** 2 + ((y - 72) / 44) ** 2 <= 1;
  const neck = Math.abs(x - 100) <= 16 && y >= 100 && y <= 130;
  const shoulders = y >= 125 && Math.abs(x - 100) <= 30 + (y - 125) * 1.2;
  return head || neck || shoulders;
}

/** A confidence mask: `value(x, y)` at each pixel centre, for a person rolled by `roll`. */
function maskOf(value: (x: number, y: number) => number, roll = 0): FloatMask {
  const data = new Float32Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const p = turn({ x: x + 0.5, y: y + 0.5 }, -roll);
      data[y * SIZE + x] = value(p.x, p.y);
    }
  }
  return { width: SIZE, height: SIZE, data };
}

const at = (m: FloatMask, x: number, y: number) => m.data[Math.floor(y) * m.width + Math.floor(x)]!;

/** Kept pixels (at or over 0.5) where `where` holds, and all pixels where it holds. */
function share(m: FloatMask, where: (x: number, y: number) => boolean): number {
  let n = 0;
  let kept = 0;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if (!where(x + 0.5, y + 0.5)) continue;
      n++;
      if (at(m, x, y) >= 0.5) kept++;
    }
  }
  return kept / n;
}

/** The person's pixels that the head-and-shoulders bound keeps at least half of. */
const bound = headAndShoulders(OVAL, SIZE, SIZE);
const inBound = (x: number, y: number) => bound[Math.floor(y) * SIZE + Math.floor(x)]! >= 0.5;

describe('the person kept for the cutout', () => {
  it('keeps the whole head and the shoulders within the bound', () => {
    const kept = personNearFace(
      maskOf((x, y) => (isPerson(x, y) ? 0.97 : 0.02)),
      OVAL,
    )!;
    expect(share(kept, (x, y) => isPerson(x, y) && inBound(x, y))).toBeGreaterThan(0.95);
    // Hair above the oval's top and beside the face, the neck and shoulders.
    for (const [x, y] of [
      [100, 32],
      [72, 70],
      [128, 70],
      [100, 120],
      [60, 135],
    ] as const)
      expect(at(kept, x, y), `(${x}, ${y})`).toBeGreaterThan(0.9);
  });

  it('drops a flag the segmenter believes and joins to the head, outside the bound', () => {
    // A flag from the frame's left edge to the hair, overlapping it by 4 px.
    const flag = (x: number, y: number) => x < 74 && y < 110;
    const kept = personNearFace(
      maskOf((x, y) => (isPerson(x, y) || flag(x, y) ? 0.97 : 0.02)),
      OVAL,
    )!;
    expect(share(kept, (x, y) => flag(x, y) && !isPerson(x, y) && !inBound(x, y))).toBe(0);
    expect(at(kept, 10, 20)).toBe(0);
    expect(share(kept, (x, y) => isPerson(x, y) && inBound(x, y))).toBeGreaterThan(0.95);
  });

  it('drops a half-believed background joined to the person, inside the bound too, beyond the edge of their own confidence', () => {
    // As on a photographed print: the backdrop beside the head at 0.65, the person near-certain.
    const backdrop = (x: number, y: number) => x > 120 && y < 110;
    const kept = personNearFace(
      maskOf((x, y) => (isPerson(x, y) ? 0.97 : backdrop(x, y) ? 0.65 : 0.02)),
      OVAL,
    )!;
    // Only the band next to the person stays (a tenth of a face width: 5 px), inside the bound too.
    const nearPerson = (x: number, y: number) =>
      Array.from({ length: 13 * 13 }, (_, i) => isPerson(x + (i % 13) - 6, y + Math.floor(i / 13) - 6)).some(Boolean);
    expect(share(kept, (x, y) => backdrop(x, y) && !nearPerson(x, y))).toBe(0);
    expect(share(kept, (x, y) => backdrop(x, y) && !nearPerson(x, y) && inBound(x, y))).toBe(0);
    expect(at(kept, 140, 70)).toBe(0);
    expect(share(kept, (x, y) => isPerson(x, y) && inBound(x, y))).toBeGreaterThan(0.95);
  });

  it('drops a blob joined to the hair by a thin bridge, and one on its own', () => {
    const blob = (x: number, y: number) => Math.hypot(x - 146, y - 60) <= 5;
    const bridge = (x: number, y: number) => x >= 128 && x <= 142 && Math.abs(y - 60) <= 1;
    const loose = (x: number, y: number) => Math.hypot(x - 55, y - 45) <= 5;
    expect([inBound(146, 60), inBound(55, 45)], 'both inside the bound').toEqual([true, true]);
    const kept = personNearFace(
      maskOf((x, y) => (isPerson(x, y) || blob(x, y) || bridge(x, y) || loose(x, y) ? 0.97 : 0.02)),
      OVAL,
    )!;
    expect(share(kept, blob)).toBe(0);
    expect(share(kept, loose)).toBe(0);
  });

  it('bounds a rolled face along its own axes', () => {
    const roll = (35 * Math.PI) / 180;
    const oval = OVAL.map((p) => turn(p, roll));
    // The segmenter believes the whole photo: what is kept is the bound, turned with the face.
    const kept = personNearFace(
      maskOf(() => 0.97),
      oval,
    )!;
    const along = (x: number, y: number) => turn({ x, y }, roll);
    // Hair 15 px above the oval's top along the face's own up, beside it at eye level, and the shoulders.
    for (const p of [along(100, 33), along(62, 70), along(140, 70), along(40, 150)]) expect(at(kept, p.x, p.y)).toBeGreaterThan(0.9);
    // 1.2 face widths beside the face at eye level and 1.2 face heights above its centre: gone.
    for (const p of [along(40, 70), along(160, 70), along(100, 2)]) expect(at(kept, p.x, p.y)).toBe(0);
    // The same places unrolled would say otherwise: the bound is not upright.
    expect(at(kept, 40, 70)).toBeGreaterThan(0.9);
    expect(share(kept, (x, y) => isPerson(along(x, y).x, along(x, y).y))).toBeGreaterThan(0);
  });
});
