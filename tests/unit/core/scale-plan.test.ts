import { describe, expect, it } from 'vitest';
import { scalePlan } from '../../../src/core/scale-plan.ts';
import { applySimilarity } from '../../../src/core/geometry/similarity.ts';
import type { StickerPlan } from '../../../src/core/platform.ts';

const plan: StickerPlan = {
  size: 512,
  style: 'photo',
  transform: { a: 0.8, b: 0.3, tx: -40, ty: 12 },
  mask: [
    { x: 100, y: 50 },
    { x: 400, y: 60 },
    { x: 250, y: 480 },
  ],
  outline: { width: 10, colour: '#ff0000' },
  caption: { fontSize: 48, lines: ['我太难了'], centerX: 256, baselineY: [470] },
  overlays: [{ kind: 'tear', x: 200, y: 220, size: 40, alpha: 0.7 }],
  person: null,
};

describe('scalePlan', () => {
  const big = scalePlan(plan, 2);

  it('puts every photo pixel at twice its sticker position', () => {
    for (const p of [
      { x: 0, y: 0 },
      { x: 300, y: 410 },
      { x: -20, y: 999 },
    ]) {
      const small = applySimilarity(plan.transform, p);
      const large = applySimilarity(big.transform, p);
      expect(large.x).toBeCloseTo(small.x * 2, 9);
      expect(large.y).toBeCloseTo(small.y * 2, 9);
    }
  });

  it('scales the size, cut-out, outline, caption and marks, and keeps colours, words and alpha', () => {
    expect(big.size).toBe(1024);
    expect(big.mask).toEqual([
      { x: 200, y: 100 },
      { x: 800, y: 120 },
      { x: 500, y: 960 },
    ]);
    expect(big.outline).toEqual({ width: 20, colour: '#ff0000' });
    expect(big.caption).toEqual({ fontSize: 96, lines: ['我太难了'], centerX: 512, baselineY: [940] });
    expect(big.overlays).toEqual([{ kind: 'tear', x: 400, y: 440, size: 80, alpha: 0.7 }]);
  });

  it('scales each template slot’s face placement', () => {
    const face = {
      transform: { a: 0.5, b: 0.1, c: -0.2, d: 0.6, e: 10, f: 20 },
      mask: [{ x: 10, y: 20 }],
      eyes: [
        { x: 100, y: 100 },
        { x: 150, y: 100 },
      ] as [{ x: number; y: number }, { x: number; y: number }],
      box: { x: 50, y: 60, w: 200, h: 180 },
    };
    const scaled = scalePlan({ ...plan, template: { id: 'reaction-duo', faces: [face] } }, 2).template;
    expect(scaled?.id).toBe('reaction-duo');
    expect(scaled?.faces).toEqual([
      {
        transform: { a: 1, b: 0.2, c: -0.4, d: 1.2, e: 20, f: 40 },
        mask: [{ x: 20, y: 40 }],
        eyes: [
          { x: 200, y: 200 },
          { x: 300, y: 200 },
        ],
        box: { x: 100, y: 120, w: 400, h: 360 },
      },
    ]);
    expect(big.template).toBeUndefined();
  });

  it('scales the person cutout’s face oval; its confidence stays in photo pixels', () => {
    const mask = { width: 2, height: 1, data: new Float32Array([0.25, 1]) };
    const person = scalePlan({ ...plan, person: { mask, oval: [{ x: 30, y: 40 }] } }, 2).person;
    expect(person?.mask).toBe(mask);
    expect(person?.oval).toEqual([{ x: 60, y: 80 }]);
  });

  it('leaves the original plan as it was', () => {
    expect(plan.size).toBe(512);
    expect(plan.mask[0]).toEqual({ x: 100, y: 50 });
  });
});
