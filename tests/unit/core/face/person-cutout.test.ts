import { describe, expect, it } from 'vitest';
import { cutoutAlpha, dieCutAlpha, personNearFace } from '../../../../src/core/face/person-cutout.ts';
import { squaredDistanceToSet } from '../../../../src/core/image/distance-transform.ts';
import { connectedRegions } from '../../../../src/core/image/connected-regions.ts';
import { fillPolygon } from '../../../../src/core/image/fill-polygon.ts';
import type { FloatMask } from '../../../../src/core/image/float-mask.ts';
import { ellipse } from '../../support/synthetic-face.ts';

const IDENTITY = { a: 1, b: 0, tx: 0, ty: 0 };

/** A confidence mask with `value` inside each disc and 0 elsewhere. */
function discs(size: number, list: { x: number; y: number; r: number; value?: number }[]): FloatMask {
  const data = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (const d of list) if (Math.hypot(x + 0.5 - d.x, y + 0.5 - d.y) <= d.r) data[y * size + x] = d.value ?? 1;
    }
  }
  return { width: size, height: size, data };
}

const at = (m: FloatMask, x: number, y: number) => m.data[y * m.width + x]!;

describe('distance transform', () => {
  it('gives exact Euclidean squared distances to the set', () => {
    const set = new Uint8Array(9 * 7);
    set[3 * 9 + 4] = 1;
    const d = squaredDistanceToSet(set, 9, 7);
    for (let y = 0; y < 7; y++) for (let x = 0; x < 9; x++) expect(d[y * 9 + x]).toBe((x - 4) ** 2 + (y - 3) ** 2);
  });

  it('takes the nearest of several points, and says "far" when the set is empty', () => {
    const set = new Uint8Array(20);
    set[0] = 1;
    set[19] = 1;
    expect(Array.from(squaredDistanceToSet(set, 20, 1))).toEqual(Array.from({ length: 20 }, (_, x) => Math.min(x, 19 - x) ** 2));
    expect(squaredDistanceToSet(new Uint8Array(4), 2, 2)[0]).toBeGreaterThan(1e19);
  });
});

describe('connected regions and polygon fill', () => {
  it('labels separate blobs and counts their pixels (4-neighbours: a diagonal does not join)', () => {
    const mask = [1, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0];
    const { labels, sizes } = connectedRegions(mask, 4, 3);
    expect(Array.from(labels)).toEqual([1, 1, 0, 0, 1, 0, 0, 2, 0, 3, 0, 0]);
    expect(sizes).toEqual([0, 3, 1, 1]);
  });

  it('fills the pixels whose centres lie inside a polygon', () => {
    const square = fillPolygon(
      [
        { x: 1, y: 1 },
        { x: 4, y: 1 },
        { x: 4, y: 3 },
        { x: 1, y: 3 },
      ],
      6,
      5,
    );
    const filled = Array.from(square).flatMap((v, i) => (v ? [[i % 6, Math.floor(i / 6)]] : []));
    expect(filled).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [1, 2],
      [2, 2],
      [3, 2],
    ]);
  });
});

describe('personNearFace', () => {
  const faceOval = ellipse({ x: 30, y: 30 }, 10, 13);

  it('keeps only the largest person region over the face; other people and blobs go', () => {
    const mask = discs(100, [
      { x: 30, y: 35, r: 22 },
      { x: 80, y: 80, r: 15 },
      { x: 85, y: 10, r: 4, value: 0.9 },
    ]);
    const kept = personNearFace(mask, faceOval)!;
    expect(at(kept, 30, 40)).toBe(1);
    expect(at(kept, 80, 80)).toBe(0);
    expect(at(kept, 85, 10)).toBe(0);
  });

  it('a large region elsewhere does not win over the face’s own person', () => {
    const mask = discs(100, [
      { x: 30, y: 30, r: 15 },
      { x: 75, y: 75, r: 24 },
    ]);
    const kept = personNearFace(mask, faceOval)!;
    expect(at(kept, 30, 30)).toBe(1);
    expect(at(kept, 75, 75)).toBe(0);
  });

  it('is null when nobody covers the face (a person beside it, or confidence under the threshold)', () => {
    expect(personNearFace(discs(100, [{ x: 80, y: 80, r: 15 }]), faceOval)).toBeNull();
    expect(personNearFace(discs(100, [{ x: 30, y: 30, r: 30, value: 0.4 }]), faceOval)).toBeNull();
  });
});

describe('cutoutAlpha', () => {
  // A face oval from the top of the forehead (y 20) to the chin (y 60), as FACE_OVAL orders it.
  const oval = ellipse({ x: 50, y: 40 }, 15, 20);

  it('is opaque inside the person, clear outside, with a band of in-between values at the edge', () => {
    const alpha = cutoutAlpha(discs(100, [{ x: 50, y: 40, r: 30 }]), IDENTITY, 100, oval);
    expect(at(alpha, 50, 15)).toBe(1);
    expect(at(alpha, 50, 3)).toBe(0);
    const row = Array.from({ length: 50 }, (_, x) => at(alpha, x, 40));
    const soft = row.filter((a) => a > 0.02 && a < 0.98);
    expect(soft.length).toBeGreaterThanOrEqual(2);
    // Rising monotonically from outside in.
    for (let x = 1; x < row.length; x++) expect(row[x]!).toBeGreaterThanOrEqual(row[x - 1]! - 1e-6);
  });

  it('reads a mask at half the photo’s resolution (scale 2) as the photo-sized one', () => {
    // The same person over a 200 px photo, confidence at 200 px and at 100 px (scale 2).
    const photoOval = ellipse({ x: 100, y: 80 }, 30, 40);
    const full = personNearFace(
      discs(200, [
        { x: 100, y: 90, r: 60 },
        { x: 180, y: 180, r: 12 },
      ]),
      photoOval,
    );
    const half = personNearFace(
      {
        ...discs(100, [
          { x: 50, y: 45, r: 30 },
          { x: 90, y: 90, r: 6 },
        ]),
        scale: 2,
      },
      photoOval,
    );
    expect(half?.scale).toBe(2);
    expect(at(half!, 90, 90), 'the other blob goes, found by the scaled oval').toBe(0);
    // Photo → sticker: halved, so both land on one 100 px sticker.
    const toSticker = { a: 0.5, b: 0, tx: 0, ty: 0 };
    const stickerOval = photoOval.map((p) => ({ x: p.x / 2, y: p.y / 2 }));
    const a = cutoutAlpha(full!, toSticker, 100, stickerOval);
    const b = cutoutAlpha(half!, toSticker, 100, stickerOval);
    let diff = 0;
    for (let i = 0; i < a.data.length; i++) diff += Math.abs(a.data[i]! - b.data[i]!);
    expect(diff / a.data.length).toBeLessThan(0.01);
    expect(at(b, 50, 30)).toBe(1);
    expect(at(b, 5, 5)).toBe(0);
  });

  it('carries photo pixels into sticker space through the transform', () => {
    // The person sits at (20, 20) r 10 in the photo; ×2 and shifted by 10 puts it at (50, 50) r 20.
    // A thin, tall oval keeps the bust cut out of the way (its chin is at y 60).
    const alpha = cutoutAlpha(discs(60, [{ x: 20, y: 20, r: 10 }]), { a: 2, b: 0, tx: 10, ty: 10 }, 100, ellipse({ x: 50, y: 20 }, 2, 40));
    expect(at(alpha, 50, 67)).toBe(1);
    expect(at(alpha, 50, 74)).toBe(0);
    expect(at(alpha, 33, 50)).toBe(1);
    expect(at(alpha, 25, 50)).toBe(0);
  });

  it('keeps the whole face oval even where the segmenter missed it (a dropped jaw)', () => {
    const alpha = cutoutAlpha(discs(100, [{ x: 50, y: 25, r: 12 }]), IDENTITY, 100, oval);
    expect(at(alpha, 50, 55)).toBe(1);
    expect(at(alpha, 50, 75)).toBe(0);
  });

  it('cuts the body off a little below the chin', () => {
    const alpha = cutoutAlpha(discs(100, [{ x: 50, y: 60, r: 45 }]), IDENTITY, 100, oval);
    expect(at(alpha, 20, 60)).toBe(1);
    expect(at(alpha, 50, 70)).toBe(0);
    expect(at(alpha, 20, 70)).toBe(0);
  });
});

describe('dieCutAlpha', () => {
  it('grows the cutout by the width with a round edge, and keeps the inside', () => {
    const cut = discs(80, [{ x: 40, y: 40, r: 10 }]);
    const edge = dieCutAlpha(cut, 8);
    expect(at(edge, 40, 40)).toBe(1);
    // Along an axis and along a diagonal the edge ends at the same distance: a round brush.
    expect(at(edge, 40 + 10 + 6, 40)).toBe(1);
    expect(at(edge, 40 + 10 + 10, 40)).toBe(0);
    const diagonal = (d: number) => at(edge, Math.round(40 + d / Math.SQRT2), Math.round(40 + d / Math.SQRT2));
    expect(diagonal(10 + 6)).toBe(1);
    expect(diagonal(10 + 11)).toBe(0);
  });

  it('is the cutout itself at width 0', () => {
    const cut = discs(30, [{ x: 15, y: 15, r: 6 }]);
    expect(Array.from(dieCutAlpha(cut, 0).data)).toEqual(Array.from(cut.data));
  });
});
