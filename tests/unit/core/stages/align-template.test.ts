import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateById } from '../../../../src/core/templates/index.ts';
import type { Box } from '../../../../src/core/templates/template.ts';
import { alignTemplate, slotReports } from '../../../../src/core/stages/align-template.ts';
import { applyAffine } from '../../../../src/core/geometry/affine.ts';
import { movePlan } from '../../../../src/core/animation/move-plan.ts';
import { STICKER_SIZE } from '../../../../src/core/sticker-layout.ts';
import type { Point } from '../../../../src/core/geometry/point.ts';
import { faceAroundEyes } from '../../support/synthetic-face.ts';
import { measuringPlatform } from '../../support/measuring-platform.ts';

const inBox = (p: Point, b: Box) => p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;

describe('alignTemplate', () => {
  const platform = measuringPlatform();
  const a = faceAroundEyes({ x: 100, y: 200 }, { x: 180, y: 210 });
  const b = faceAroundEyes({ x: 400, y: 220 }, { x: 450, y: 215 });

  it('puts each face’s eyes on its slot’s targets and reports them with the slot box', () => {
    for (const t of TEMPLATES) {
      const plan = alignTemplate(platform, [a, b], 'caption', t);
      const reports = slotReports(plan);
      expect(reports).toHaveLength(t.slots.length);
      reports.forEach((r, i) => {
        const slot = t.slots[i]!;
        r.eyes.forEach((e, k) => {
          expect(e.x).toBeCloseTo(slot.eyes[k]!.x * STICKER_SIZE, 6);
          expect(e.y).toBeCloseTo(slot.eyes[k]!.y * STICKER_SIZE, 6);
          expect(inBox(e, r.box)).toBe(true);
        });
        // The eyes as photographed, through the slot's full transform (perspective included).
        const photographed = i === 0 ? [a[468]!, a[473]!] : [b[468]!, b[473]!];
        photographed.forEach((p, k) => {
          const q = applyAffine(plan.template!.faces[i]!.transform, p);
          expect(q.x).toBeCloseTo(r.eyes[k]!.x, 6);
          expect(q.y).toBeCloseTo(r.eyes[k]!.y, 6);
        });
      });
    }
  });

  it('repeats the main face when the photo has fewer faces than slots, and captions once', () => {
    const duo = templateById('reaction-duo')!;
    const plan = alignTemplate(platform, [a], '好搭档', duo);
    const [first, second] = plan.template!.faces;
    const p = a[468]!;
    expect(applyAffine(first!.transform, p).x).toBeLessThan(STICKER_SIZE / 2);
    expect(applyAffine(second!.transform, p).x).toBeGreaterThan(STICKER_SIZE / 2);
    expect(plan.caption.lines).toEqual(['好搭档']);
  });

  it('moves every slot’s face with an animation frame, eyes and transform together', () => {
    const plan = alignTemplate(platform, [a, b], '', templateById('reaction-duo')!);
    const moved = movePlan(plan, { strength: 1, dx: 12, dy: -7, angle: 0.1, scale: 1.05, overlays: [] });
    moved.template!.faces.forEach((face, i) => {
      const p = i === 0 ? a[468]! : b[468]!;
      const q = applyAffine(face.transform, p);
      expect(q.x).toBeCloseTo(face.eyes[0].x, 6);
      expect(q.y).toBeCloseTo(face.eyes[0].y, 6);
      expect(face.eyes[0]).not.toEqual(plan.template!.faces[i]!.eyes[0]);
    });
  });

  it('needs a face', () => {
    expect(() => alignTemplate(platform, [], '', TEMPLATES[0]!)).toThrow(RangeError);
  });
});
