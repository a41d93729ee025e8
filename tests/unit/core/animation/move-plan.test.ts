import { describe, expect, it } from 'vitest';
import { movePlan } from '../../../../src/core/animation/move-plan.ts';
import { applySimilarity } from '../../../../src/core/geometry/similarity.ts';
import type { StickerPlan } from '../../../../src/core/platform.ts';

describe('movePlan', () => {
  const plan: StickerPlan = {
    size: 512,
    style: 'photo',
    transform: { a: 0.5, b: 0.1, tx: 10, ty: 20 },
    mask: [
      { x: 100, y: 100 },
      { x: 400, y: 120 },
      { x: 256, y: 450 },
    ],
    person: null,
    outline: { width: 10, colour: '#ffffff' },
    caption: { fontSize: 40, lines: ['好'], centerX: 256, baselineY: [480] },
    overlays: [],
  };

  it('a still frame changes nothing', () => {
    const moved = movePlan(plan, { strength: 1, dx: 0, dy: 0, angle: 0, scale: 1, overlays: [] });
    for (const k of ['a', 'b', 'tx', 'ty'] as const) expect(moved.transform[k]).toBeCloseTo(plan.transform[k], 9);
    expect(moved.mask).toEqual(plan.mask);
  });

  it('moves the photo and its cut-out together, and leaves the caption', () => {
    const frame = { strength: 1, dx: 12, dy: -7, angle: 0.1, scale: 1.05, overlays: [] };
    const moved = movePlan(plan, frame);
    const p = { x: 300, y: 260 };
    const before = applySimilarity(plan.transform, p);
    const after = applySimilarity(moved.transform, p);
    // The same motion maps the photo point and a mask point alike: they stay together.
    const c = 256;
    const a = frame.scale * Math.cos(frame.angle);
    const b = frame.scale * Math.sin(frame.angle);
    const expected = { x: c + a * (before.x - c) - b * (before.y - c) + frame.dx, y: c + b * (before.x - c) + a * (before.y - c) + frame.dy };
    expect(after.x).toBeCloseTo(expected.x, 6);
    expect(after.y).toBeCloseTo(expected.y, 6);
    const m0 = plan.mask[0]!;
    expect(moved.mask[0]!.x).toBeCloseTo(c + a * (m0.x - c) - b * (m0.y - c) + frame.dx, 6);
    expect(moved.caption).toEqual(plan.caption);
  });
});
