import { describe, expect, it } from 'vitest';
import { alignStage } from '../../../../src/core/stages/align.ts';
import { applySimilarity, angleOf } from '../../../../src/core/geometry/similarity.ts';
import { CAPTION_BAND, CAPTION_FONT_MAX, CAPTION_FONT_MIN, STICKER_SIZE, eyeTargetsPx } from '../../../../src/core/sticker-layout.ts';
import { DEFAULT_OUTLINE } from '../../../../src/core/sticker-options.ts';
import { faceAroundEyes, insidePolygon } from '../../support/synthetic-face.ts';
import { measure } from '../../support/measure.ts';
import { measuringPlatform } from '../../support/measuring-platform.ts';

const rightEye = { x: 100, y: 200 };
const leftEye = { x: 180, y: 210 };
const face = faceAroundEyes(rightEye, leftEye);
const bandTop = CAPTION_BAND.top * STICKER_SIZE;
const bandBottom = CAPTION_BAND.bottom * STICKER_SIZE;

describe('eyeTargetsPx', () => {
  it('places the eyes level, a quarter of the side apart, about a third down', () => {
    expect(eyeTargetsPx()).toEqual([
      { x: 192, y: 184.32 },
      { x: 320, y: 184.32 },
    ]);
    expect(eyeTargetsPx(100)).toEqual([
      { x: 37.5, y: 36 },
      { x: 62.5, y: 36 },
    ]);
  });
});

describe('alignStage', () => {
  const plan = alignStage(measuringPlatform(), face, '我太难了');
  const [rightTarget, leftTarget] = eyeTargetsPx();

  it('maps the two iris centres exactly onto the eye targets', () => {
    const r = applySimilarity(plan.transform, rightEye);
    const l = applySimilarity(plan.transform, leftEye);
    expect(r.x).toBeCloseTo(rightTarget.x, 9);
    expect(r.y).toBeCloseTo(rightTarget.y, 9);
    expect(l.x).toBeCloseTo(leftTarget.x, 9);
    expect(l.y).toBeCloseTo(leftTarget.y, 9);
  });

  it('levels tilted eyes: the photo turns back by the eyes’ tilt', () => {
    const tilt = Math.atan2(leftEye.y - rightEye.y, leftEye.x - rightEye.x);
    expect(angleOf(plan.transform)).toBeCloseTo(-tilt, 12);
  });

  it('makes a STICKER_SIZE square with the standard outline', () => {
    expect(plan.size).toBe(STICKER_SIZE);
    expect(plan.outline).toEqual(DEFAULT_OUTLINE);
  });

  it('cuts a 36-point mask that encloses both eye targets', () => {
    expect(plan.mask).toHaveLength(36);
    expect(insidePolygon(rightTarget, plan.mask)).toBe(true);
    expect(insidePolygon(leftTarget, plan.mask)).toBe(true);
    // ...and is not everything: a corner of the sticker is outside it.
    expect(insidePolygon({ x: 1, y: 1 }, plan.mask)).toBe(false);
  });

  it('the mask is the transformed oval grown outward, reaching above the eyes for the forehead', () => {
    const top = Math.min(...plan.mask.map((p) => p.y));
    expect(top).toBeLessThan(rightTarget.y - 100);
    // The face is grown, so the mask is wider than the eye spacing.
    const xs = plan.mask.map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(leftTarget.x - rightTarget.x);
  });

  it('lays the caption inside the caption band, centred, baselines increasing', () => {
    expect(plan.caption.lines).toEqual(['我太难了']);
    expect(plan.caption.fontSize).toBe(CAPTION_FONT_MAX);
    expect(plan.caption.centerX).toBe(STICKER_SIZE / 2);
    expect(plan.caption.baselineY).toHaveLength(1);
    const baseline = plan.caption.baselineY[0]!;
    expect(baseline).toBeGreaterThan(bandTop);
    expect(baseline).toBeLessThanOrEqual(bandBottom);
    // The last baseline sits a fifth of the font size above the band's bottom edge, for descenders.
    expect(baseline).toBeCloseTo(bandBottom - 0.2 * plan.caption.fontSize, 9);
  });

  it('a two-line caption: both lines in the band, one line-height apart, in order', () => {
    const two = alignStage(measuringPlatform(), face, '今天也是元气满满的一天');
    const { fontSize, lines, baselineY } = two.caption;
    expect(lines).toHaveLength(2);
    expect(fontSize).toBeGreaterThanOrEqual(CAPTION_FONT_MIN);
    expect(fontSize).toBeLessThan(CAPTION_FONT_MAX);
    expect(baselineY).toHaveLength(2);
    const [first, second] = [baselineY[0]!, baselineY[1]!];
    expect(second).toBeGreaterThan(first);
    expect(second - first).toBeCloseTo(fontSize * 1.15, 9);
    expect(first).toBeGreaterThan(bandTop);
    expect(second).toBeLessThanOrEqual(bandBottom);
    // The block of lines is no taller than the band.
    expect(lines.length * fontSize * 1.15).toBeLessThanOrEqual(bandBottom - bandTop);
    for (const line of lines) expect(measure(line, fontSize)).toBeLessThanOrEqual(STICKER_SIZE * (1 - 2 * CAPTION_BAND.margin));
  });

  it('an empty caption gives no lines and no baselines', () => {
    for (const caption of ['', '   ']) {
      const p = alignStage(measuringPlatform(), face, caption);
      expect(p.caption.lines).toEqual([]);
      expect(p.caption.baselineY).toEqual([]);
    }
  });

  it('the caption does not change the geometry', () => {
    const bare = alignStage(measuringPlatform(), face, '');
    expect(bare.transform).toEqual(plan.transform);
    expect(bare.mask).toEqual(plan.mask);
  });

  it('a face twice as big and elsewhere in the photo lands on the same spots', () => {
    const big = faceAroundEyes({ x: 1000, y: 1400 }, { x: 1160, y: 1420 });
    const p = alignStage(measuringPlatform(), big, '');
    const r = applySimilarity(p.transform, { x: 1000, y: 1400 });
    const l = applySimilarity(p.transform, { x: 1160, y: 1420 });
    expect(r.x).toBeCloseTo(rightTarget.x, 9);
    expect(r.y).toBeCloseTo(rightTarget.y, 9);
    expect(l.x).toBeCloseTo(leftTarget.x, 9);
    expect(l.y).toBeCloseTo(leftTarget.y, 9);
    // Same face shape at a different place and scale: the same mask on the sticker.
    p.mask.forEach((m, i) => {
      expect(m.x).toBeCloseTo(plan.mask[i]!.x, 9);
      expect(m.y).toBeCloseTo(plan.mask[i]!.y, 9);
    });
  });

  it('uses the eye corners on a mesh without iris points', () => {
    const meshOnly = faceAroundEyes(rightEye, leftEye, 468);
    const p = alignStage(measuringPlatform(), meshOnly, '');
    const r = applySimilarity(p.transform, rightEye);
    expect(r.x).toBeCloseTo(rightTarget.x, 9);
    expect(r.y).toBeCloseTo(rightTarget.y, 9);
  });
});

describe('alignStage with an expression', () => {
  it('a head tilt turns the eye targets about their midpoint, clockwise on screen for positive angles', () => {
    const tilt = 0.2;
    const plan = alignStage(measuringPlatform(), face, '', { tilt });
    expect(angleOf(plan.transform) - angleOf(alignStage(measuringPlatform(), face, '').transform)).toBeCloseTo(tilt, 9);
    const [r, l] = [applySimilarity(plan.transform, rightEye), applySimilarity(plan.transform, leftEye)];
    expect(l.y - r.y).toBeGreaterThan(0);
    const [tr, tl] = eyeTargetsPx();
    expect((r.x + l.x) / 2).toBeCloseTo((tr.x + tl.x) / 2, 9);
  });

  it('the eyes as photographed set the transform; the warped face sets the cut-out', () => {
    const shaped = face.map((p) => ({ x: p.x, y: p.y + 30 }));
    const plain = alignStage(measuringPlatform(), face, '');
    const warped = alignStage(measuringPlatform(), face, '', { shaped });
    expect(warped.transform).toEqual(plain.transform);
    expect(warped.mask[0]!.y).toBeGreaterThan(plain.mask[0]!.y);
  });
});
