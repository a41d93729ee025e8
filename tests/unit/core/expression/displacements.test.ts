import { describe, expect, it } from 'vitest';
import { expressionDisplacements, openedLayout, tiltRadians } from '../../../../src/core/expression/displacements.ts';
import { ACTION_UNITS, type ActionUnit } from '../../../../src/core/expression/action-units.ts';
import { buildWarpMesh } from '../../../../src/core/warp/warp-mesh.ts';
import { mouthOpening } from '../../../../src/core/warp/mouth-opening.ts';
import { interocularDistance } from '../../../../src/core/face/landmarks.ts';
import * as R from '../../../../src/core/face/regions.ts';
import { REAL_FACE, REAL_SIZE, transformed } from '../../support/real-face.ts';

const iod = interocularDistance(REAL_FACE);
const moved = (unit: ActionUnit, s = 1) => expressionDisplacements(REAL_FACE, { [unit]: s }, 1);
const mean = (ids: readonly number[], d: { x: number; y: number }[], axis: 'x' | 'y') => ids.reduce((a, i) => a + d[i]![axis], 0) / ids.length;

describe('action units move the right landmarks the right way (image y points down)', () => {
  it('smile lifts both mouth corners, and relative to the lip centre', () => {
    const d = moved('smile');
    expect(d[R.MOUTH_CORNER_RIGHT]!.y).toBeLessThan(-0.08 * iod);
    expect(d[R.MOUTH_CORNER_LEFT]!.y).toBeLessThan(-0.08 * iod);
    expect(d[R.MOUTH_CORNER_LEFT]!.y - d[13]!.y).toBeLessThan(-0.05 * iod);
    expect(d[R.MOUTH_CORNER_RIGHT]!.y - d[13]!.y).toBeLessThan(-0.05 * iod);
    // Corners move outwards: the subject's right corner towards image-left.
    expect(d[R.MOUTH_CORNER_RIGHT]!.x).toBeLessThan(0);
    expect(d[R.MOUTH_CORNER_LEFT]!.x).toBeGreaterThan(0);
  });

  it('frown lowers the corners, and relative to the lips’ middle, which it holds up', () => {
    const d = moved('frown');
    expect(d[R.MOUTH_CORNER_RIGHT]!.y).toBeGreaterThan(0.15 * iod);
    expect(d[R.MOUTH_CORNER_LEFT]!.y).toBeGreaterThan(0.15 * iod);
    expect(d[R.MOUTH_CORNER_RIGHT]!.y - d[13]!.y).toBeGreaterThan(0.15 * iod);
    expect(d[R.MOUTH_CORNER_LEFT]!.y - d[14]!.y).toBeGreaterThan(0.15 * iod);
  });

  it('mouthOpen drops the lower lip and chin and opens a paintable mouth', () => {
    const d = moved('mouthOpen');
    expect(d[14]!.y).toBeGreaterThan(0.3 * iod);
    expect(d[152]!.y).toBeGreaterThan(0.3 * iod);
    expect(d[13]!.y).toBeLessThanOrEqual(0);
    const mesh = buildWarpMesh(REAL_FACE, d, REAL_SIZE.width, REAL_SIZE.height, openedLayout(REAL_FACE));
    expect(mouthOpening(mesh)).not.toBeNull();
  });

  it('eyesClosed brings each upper lid down to its lower lid', () => {
    const d = moved('eyesClosed');
    R.RIGHT_EYE_UPPER_LID.forEach((u, k) => {
      const l = R.RIGHT_EYE_LOWER_LID[k]!;
      const before = REAL_FACE[l]!.y - REAL_FACE[u]!.y;
      const after = REAL_FACE[l]!.y + d[l]!.y - (REAL_FACE[u]!.y + d[u]!.y);
      if (before > 1) expect(after / before).toBeLessThan(0.15);
    });
  });

  it('wink closes only the subject’s left eye', () => {
    const d = moved('wink');
    expect(mean(R.LEFT_EYE_UPPER_LID, d, 'y')).toBeGreaterThan(1);
    expect(Math.abs(mean(R.RIGHT_EYE_UPPER_LID, d, 'y'))).toBeLessThan(0.5);
  });

  it('eyesWide raises the upper lids; browsRaise raises the brows; browsLower lowers them', () => {
    expect(mean(R.LEFT_EYE_UPPER_LID, moved('eyesWide'), 'y')).toBeLessThan(-0.5);
    expect(mean(R.LEFT_BROW, moved('browsRaise'), 'y')).toBeLessThan(-0.1 * iod);
    expect(mean(R.LEFT_BROW, moved('browsLower'), 'y')).toBeGreaterThan(0.05 * iod);
  });

  it('lowered and knitted brows leave the nose ridge where it is, between the eyes too', () => {
    for (const unit of ['browsLower', 'browsKnit'] as const) {
      const d = moved(unit);
      for (const i of [6, 197, 195, 5, 4, 1]) expect(Math.hypot(d[i]!.x, d[i]!.y), `${unit} moves landmark ${i}`).toBeLessThan(0.001 * iod);
    }
  });

  it('browsKnit pulls the inner brow ends towards each other and down', () => {
    const d = moved('browsKnit');
    expect(d[107]!.x).toBeGreaterThan(0);
    expect(d[336]!.x).toBeLessThan(0);
    expect(d[107]!.y).toBeGreaterThan(0);
  });

  it('browsWorried lifts the inner ends, not the outer', () => {
    const d = moved('browsWorried');
    expect(d[107]!.y).toBeLessThan(-0.08 * iod);
    expect(Math.abs(d[70]!.y)).toBeLessThan(Math.abs(d[107]!.y) / 2);
  });

  it('eyesUp moves the irises up', () => {
    expect(mean(R.LEFT_IRIS, moved('eyesUp'), 'y')).toBeLessThan(-0.5);
  });

  it('headTilt is a roll of up to 12°, signed', () => {
    expect(tiltRadians({ headTilt: 1 }, 1)).toBeCloseTo((12 * Math.PI) / 180);
    expect(tiltRadians({ headTilt: -0.5 }, 1)).toBeCloseTo((-6 * Math.PI) / 180);
    expect(tiltRadians({}, 1)).toBe(0);
  });
});

describe('expressions fit any face', () => {
  it('zero strength moves nothing', () => {
    for (const d of expressionDisplacements(REAL_FACE, { smile: 0, mouthOpen: 0 }, 1, false)) expect(d).toEqual({ x: 0, y: 0 });
  });

  it('scale with the face and turn with its roll', () => {
    const centre = REAL_FACE[1]!;
    const angle = 0.4;
    const bigger = transformed(REAL_FACE, angle, 1.5, centre);
    const a = expressionDisplacements(REAL_FACE, { smile: 1, mouthOpen: 0.6, browsRaise: 0.5 }, 1);
    const b = expressionDisplacements(bigger, { smile: 1, mouthOpen: 0.6, browsRaise: 0.5 }, 1);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    a.forEach((d, i) => {
      const expected = { x: 1.5 * (c * d.x - s * d.y), y: 1.5 * (s * d.x + c * d.y) };
      expect(b[i]!.x).toBeCloseTo(expected.x, 3);
      expect(b[i]!.y).toBeCloseTo(expected.y, 3);
    });
  });

  it('intensity scales the motion', () => {
    const one = expressionDisplacements(REAL_FACE, { smile: 1 }, 1);
    const half = expressionDisplacements(REAL_FACE, { smile: 1 }, 0.5);
    expect(half[R.MOUTH_CORNER_LEFT]!.y).toBeCloseTo(one[R.MOUTH_CORNER_LEFT]!.y / 2, 6);
  });

  it('every unit at full strength, alone, warps without folding the mesh', () => {
    for (const unit of ACTION_UNITS) {
      const mesh = buildWarpMesh(REAL_FACE, moved(unit), REAL_SIZE.width, REAL_SIZE.height, openedLayout(REAL_FACE));
      expect(mesh.scale, unit).toBe(1);
    }
  });

  it('landmarks far from mouth, eyes and brows barely move', () => {
    // Nose tip and lower bridge, top of the forehead, the face's sides at cheek level.
    const nose = [1, 4, 5, 195, 197, 10, 234, 454];
    for (const unit of ACTION_UNITS) {
      const d = moved(unit);
      for (const i of nose) expect(Math.hypot(d[i]!.x, d[i]!.y), `${unit} moves landmark ${i}`).toBeLessThan(0.06 * iod);
    }
  });
});

describe('the photographed expression is relaxed where the asked one contradicts it', () => {
  // Grace Hopper's neutral face made to grin with parted lips: corners up and out, lower lip down.
  const EYE = iod;
  const grin = REAL_FACE.map((p, i) => {
    if (i === R.MOUTH_CORNER_RIGHT || i === R.MOUTH_CORNER_LEFT) return { x: p.x + (i === R.MOUTH_CORNER_LEFT ? 0.04 : -0.04) * EYE, y: p.y - 0.12 * EYE };
    if ((R.LOWER_LIP_INNER as readonly number[]).includes(i) || (R.LOWER_LIP as readonly number[]).includes(i)) return { x: p.x, y: p.y + 0.15 * EYE };
    return p;
  });
  const after = (face: typeof REAL_FACE, recipe: Parameters<typeof expressionDisplacements>[1]) =>
    expressionDisplacements(face, recipe, 1).map((d, i) => ({ x: face[i]!.x + d.x, y: face[i]!.y + d.y }));
  const lift = (f: typeof REAL_FACE) => (f[13]!.y + f[14]!.y) / 2 - (f[R.MOUTH_CORNER_RIGHT]!.y + f[R.MOUTH_CORNER_LEFT]!.y) / 2;
  const gap = (f: typeof REAL_FACE) => f[14]!.y - f[13]!.y;

  it("sad on a grin: the corners come down to below a neutral face's, the lips close", () => {
    const sad = after(grin, { frown: 0.8 });
    expect(lift(sad)).toBeLessThan(lift(after(REAL_FACE, { frown: 0.8 })) + 0.01 * EYE);
    expect(lift(sad)).toBeLessThan(0);
    expect(gap(grin)).toBeGreaterThan(0.14 * EYE);
    expect(gap(sad)).toBeLessThan(0.02 * EYE);
  });

  it('keeps what the expression itself asks for: a smile keeps the grin, an open mouth stays open', () => {
    expect(lift(after(grin, { smile: 0.6 }))).toBeGreaterThan(lift(grin));
    expect(gap(after(grin, { mouthOpen: 0.8 }))).toBeGreaterThan(gap(grin));
  });

  it('leaves a neutral face as it is', () => {
    const relaxed = expressionDisplacements(REAL_FACE, { browsRaise: 1 }, 1);
    const bare = expressionDisplacements(REAL_FACE, { browsRaise: 1 }, 1, false);
    const mouth = [...R.LOWER_LIP_INNER, ...R.UPPER_LIP_INNER];
    for (const i of mouth) expect(Math.abs(relaxed[i]!.y - bare[i]!.y), String(i)).toBeLessThan(0.01 * EYE);
  });
});
