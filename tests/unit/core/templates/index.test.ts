import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateById } from '../../../../src/core/templates/index.ts';
import { THEMES, type Box, type Shape } from '../../../../src/core/templates/template.ts';
import { CAPTION_BAND } from '../../../../src/core/sticker-layout.ts';
import type { Point } from '../../../../src/core/geometry/point.ts';

const inUnit = (v: number) => v >= 0 && v <= 1;
const inBox = (p: Point, b: Box) => p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;

function shapePoints(shape: Shape): [number, number][] {
  switch (shape.kind) {
    case 'ellipse':
      return [[shape.cx, shape.cy]];
    case 'rect':
      return [
        [shape.x, shape.y],
        [shape.x + shape.w, shape.y + shape.h],
      ];
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
