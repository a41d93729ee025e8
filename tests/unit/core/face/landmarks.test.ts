import { describe, expect, it } from 'vitest';
import {
  FACE_OVAL,
  LEFT_IRIS_CENTER,
  MESH_POINTS,
  RIGHT_IRIS_CENTER,
  boundingBox,
  eyeCenters,
  faceOval,
  interocularDistance,
  facesBySize,
} from '../../../../src/core/face/landmarks.ts';
import type { Point } from '../../../../src/core/geometry/point.ts';
import { ellipse, syntheticFace } from '../../support/synthetic-face.ts';

const spec = { rightEye: { x: 100, y: 200 }, leftEye: { x: 180, y: 210 }, center: { x: 140, y: 240 }, rx: 90, ry: 120 };

describe('eyeCenters', () => {
  it('uses the iris centres 468 and 473 on a 478-point mesh', () => {
    const face = syntheticFace(spec);
    expect(face).toHaveLength(478);
    // Move the eye corners away: with iris points present they must not matter.
    face[33] = { x: -500, y: -500 };
    face[263] = { x: 900, y: 900 };
    expect(eyeCenters(face)).toEqual([
      { x: 100, y: 200 },
      { x: 180, y: 210 },
    ]);
  });

  it('returns the subject’s right eye (index 468) first', () => {
    const face = syntheticFace(spec);
    face[RIGHT_IRIS_CENTER] = { x: 1, y: 2 };
    face[LEFT_IRIS_CENTER] = { x: 3, y: 4 };
    expect(eyeCenters(face)).toEqual([
      { x: 1, y: 2 },
      { x: 3, y: 4 },
    ]);
  });

  it('falls back to the mean of the eye corners on a 468-point mesh', () => {
    const face = syntheticFace({ ...spec, points: MESH_POINTS });
    expect(face).toHaveLength(468);
    face[33] = { x: 80, y: 198 };
    face[133] = { x: 124, y: 204 };
    face[362] = { x: 160, y: 206 };
    face[263] = { x: 206, y: 216 };
    expect(eyeCenters(face)).toEqual([
      { x: 102, y: 201 },
      { x: 183, y: 211 },
    ]);
  });

  it('throws RangeError when a needed landmark is missing', () => {
    const face = syntheticFace({ ...spec, points: MESH_POINTS }).slice(0, 300);
    expect(() => eyeCenters(face)).toThrow(RangeError);
  });

  it('interocularDistance is the distance between the eye centres', () => {
    const face = syntheticFace({ ...spec, rightEye: { x: 0, y: 0 }, leftEye: { x: 30, y: 40 } });
    expect(interocularDistance(face)).toBe(50);
  });
});

describe('faceOval', () => {
  it('has 36 points, starting at the top of the forehead (landmark 10) and ending at 109', () => {
    expect(FACE_OVAL).toHaveLength(36);
    expect(FACE_OVAL[0]).toBe(10);
    expect(FACE_OVAL[FACE_OVAL.length - 1]).toBe(109);
    expect(new Set(FACE_OVAL).size).toBe(36);
  });

  it('returns the landmarks in FACE_OVAL order', () => {
    // Label each landmark by its index so the returned order is visible.
    const face: Point[] = Array.from({ length: 478 }, (_, i) => ({ x: i, y: -i }));
    expect(faceOval(face)).toEqual(FACE_OVAL.map((i) => ({ x: i, y: -i })));
  });

  it('goes round the face clockwise on screen from the top', () => {
    const oval = faceOval(syntheticFace(spec));
    expect(oval).toEqual(ellipse(spec.center, spec.rx, spec.ry));
    // Signed area with y down: positive means clockwise as seen on screen.
    let twiceArea = 0;
    oval.forEach((p, i) => {
      const q = oval[(i + 1) % oval.length]!;
      twiceArea += p.x * q.y - q.x * p.y;
    });
    expect(twiceArea).toBeGreaterThan(0);
  });
});

describe('boundingBox', () => {
  it('spans the extreme coordinates', () => {
    expect(
      boundingBox([
        { x: 3, y: 7 },
        { x: -2, y: 10 },
        { x: 5, y: -1 },
      ]),
    ).toEqual({ x: -2, y: -1, width: 7, height: 11 });
  });

  it('is empty-sized for a single point', () => {
    expect(boundingBox([{ x: 4, y: 9 }])).toEqual({ x: 4, y: 9, width: 0, height: 0 });
  });
});

describe('facesBySize', () => {
  const small = syntheticFace({ ...spec, rx: 40, ry: 50 });
  const big = syntheticFace({ ...spec, center: { x: 600, y: 300 }, rx: 100, ry: 140 });
  // Wide but flat: a bigger width than `big`, yet a smaller area.
  const flat = syntheticFace({ ...spec, rx: 150, ry: 30 });

  it('picks the face whose oval bounding box is largest, wherever it is in the list', () => {
    expect(facesBySize([small, big, flat])[0]).toBe(big);
    expect(facesBySize([big, small])[0]).toBe(big);
    expect(facesBySize([flat, small, big])[0]).toBe(big);
  });

  it('compares areas, not widths', () => {
    expect(facesBySize([flat, small])[0]).toBe(flat); // 300×60 = 18000 > 80×100 = 8000
    const round = syntheticFace({ ...spec, rx: 100, ry: 100 }); // 200×200 = 40000, narrower than flat
    expect(facesBySize([flat, round])[0]).toBe(round);
  });

  it('looks only at the oval, not at the other landmarks', () => {
    const stray = syntheticFace({ ...spec, rx: 40, ry: 50 });
    stray[1] = { x: -10_000, y: -10_000 }; // landmark 1 (nose tip) is not on the oval
    expect(facesBySize([stray, big])[0]).toBe(big);
  });

  it('orders every face by area, largest first (template slots take them in this order)', () => {
    expect(facesBySize([small, big, flat])).toEqual([big, flat, small]);
  });

  it('returns the only face, and undefined for none', () => {
    expect(facesBySize([small])[0]).toBe(small);
    expect(facesBySize([])[0]).toBeUndefined();
  });
});
