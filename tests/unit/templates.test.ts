import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateById } from '../../src/core/templates/index.ts';
import { THEMES, type Box, type Shape } from '../../src/core/templates/template.ts';
import { alignTemplate, slotReports } from '../../src/core/stages/align-template.ts';
import { applyAffine, eyeLineWarp } from '../../src/core/geometry/affine.ts';
import { movePlan } from '../../src/core/animation/move-plan.ts';
import { CAPTION_BAND, STICKER_SIZE } from '../../src/core/sticker-layout.ts';
import type { Point } from '../../src/core/geometry/point.ts';
import { faceAroundEyes } from './support/synthetic-face.ts';
import { measuringPlatform } from './support/measuring-platform.ts';

const inUnit = (v: number) => v >= 0 && v <= 1;
const inBox = (p: Point, b: Box) => p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;

function shapePoints(shape: Shape): [number, number][] {
  switch (shape.kind) {
    case 'ellipse':
      return [[shape.cx, shape.cy]];
    case 'rect':
      return [[shape.x, shape.y], [shape.x + shape.w, shape.y + shape.h]];
    case 'polygon':
    case 'line':
      return shape.points.map(([x, y]) => [x, y]);
    case 'text':
      return [[shape.x, shape.y]];
  }
}

describe('the template library', () => {
  it('has at least 24 templates with unique ids, in every theme', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(new Set(TEMPLATES.map((t) => t.theme))).toEqual(new Set(THEMES));
    for (const theme of THEMES) expect(TEMPLATES.filter((t) => t.theme === theme).length, theme).toBeGreaterThanOrEqual(4);
    expect(TEMPLATES.some((t) => t.slots.length > 1)).toBe(true);
    expect(templateById('panda-head')?.theme).toBe('panda');
    expect(templateById('nope')).toBeUndefined();
  });

  for (const t of TEMPLATES) {
    it(`${t.id} is well formed`, () => {
      expect(t.name.zh.length * t.name.en.length * t.caption.zh.length * t.caption.en.length).toBeGreaterThan(0);
      expect(t.slots.length).toBeGreaterThan(0);
      for (const slot of t.slots) {
        const { box } = slot;
        expect([box.x, box.y, box.x + box.w, box.y + box.h].every(inUnit), `${t.id} box inside the sticker`).toBe(true);
        for (const eye of slot.eyes) expect(inBox(eye, box), `${t.id} eyes in the box`).toBe(true);
        // Faces stay above the caption band, so captions never cover a face's eyes.
        expect(Math.max(...slot.eyes.map((e) => e.y))).toBeLessThan(CAPTION_BAND.top - 0.15);
        expect(slot.eyes[1].x).toBeGreaterThan(slot.eyes[0].x);
        if (slot.blend === 'tint') expect(slot.tint).toMatch(/^#[0-9a-f]{6}$/u);
      }
      // Boxes of one template's slots do not overlap: each face has its own place.
      t.slots.forEach((a, i) =>
        t.slots.slice(i + 1).forEach((b) => {
          const apart = a.box.x + a.box.w <= b.box.x || b.box.x + b.box.w <= a.box.x || a.box.y + a.box.h <= b.box.y || b.box.y + b.box.h <= a.box.y;
          expect(apart, `${t.id} slots overlap`).toBe(true);
        }),
      );
      for (const shape of [...t.under, ...t.over]) {
        expect(shape.fill ?? shape.stroke, `${t.id} shape is painted`).toBeDefined();
        for (const [x, y] of shapePoints(shape)) expect(inUnit(x) && inUnit(y), `${t.id} ${shape.kind} at ${x},${y}`).toBe(true);
      }
    });
  }
});

describe('eyeLineWarp', () => {
  it('keeps both eyes in place and squashes and shears across the eye line', () => {
    const eyes: [Point, Point] = [{ x: 100, y: 100 }, { x: 200, y: 120 }];
    const warp = eyeLineWarp(eyes, 0.5, 0.2);
    for (const e of eyes) {
      const p = applyAffine(warp, e);
      expect(p.x).toBeCloseTo(e.x, 9);
      expect(p.y).toBeCloseTo(e.y, 9);
    }
    // A point one eye distance below the midpoint, across the line: half as far, slid along the line.
    const len = Math.hypot(100, 20);
    const u = { x: 100 / len, y: 20 / len };
    const n = { x: -u.y, y: u.x };
    const below = { x: 150 + n.x * 50, y: 110 + n.y * 50 };
    const p = applyAffine(warp, below);
    const across = (p.x - 150) * n.x + (p.y - 110) * n.y;
    const along = (p.x - 150) * u.x + (p.y - 110) * u.y;
    expect(across).toBeCloseTo(25, 9);
    expect(along).toBeCloseTo(10, 9);
  });
});

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
