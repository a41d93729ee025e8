import { describe, expect, it } from 'vitest';
import { FRAME_COUNT, motionFrames } from '../../src/core/animation/motion-frames.ts';
import { movePlan } from '../../src/core/animation/move-plan.ts';
import { MOTIONS } from '../../src/core/expression/action-units.ts';
import { applySimilarity } from '../../src/core/geometry/similarity.ts';
import type { StickerPlan } from '../../src/core/platform.ts';

const EYES = [{ x: 192, y: 184 }, { x: 320, y: 184 }] as const;

describe('motion frames', () => {
  it('every motion loops: the first frame is the photographed face, the middle holds the full expression', () => {
    for (const motion of MOTIONS) {
      const frames = motionFrames(motion, 512, EYES);
      expect(frames).toHaveLength(FRAME_COUNT);
      expect(frames[0]!.strength, motion).toBe(0);
      expect(frames[FRAME_COUNT / 2]!.strength, motion).toBe(1);
      for (const f of frames) expect(f.strength).toBeGreaterThanOrEqual(0);
      // Back at rest at the loop point, so frame N−1 → frame 0 does not jump.
      expect(frames[FRAME_COUNT - 1]!.strength).toBeLessThan(0.5);
    }
  });

  it('shake moves sideways, bounce upwards, tilt turns; none keeps the face still', () => {
    const max = (motion: (typeof MOTIONS)[number], key: 'dx' | 'dy' | 'angle') => Math.max(...motionFrames(motion, 512, EYES).map((f) => Math.abs(f[key])));
    expect(max('shake', 'dx')).toBeGreaterThan(5);
    expect(max('bounce', 'dy')).toBeGreaterThan(5);
    expect(Math.min(...motionFrames('bounce', 512, EYES).map((f) => f.dy))).toBeLessThan(0);
    expect(max('tilt', 'angle')).toBeGreaterThan(0.05);
    for (const f of motionFrames('none', 512, EYES)) expect([f.dx, f.dy, f.angle, f.scale, f.overlays.length]).toEqual([0, 0, 0, 1, 0]);
  });

  it('tears fall from below the eyes and fade', () => {
    const frames = motionFrames('tears', 512, EYES);
    const tears = frames.flatMap((f) => f.overlays);
    expect(tears.length).toBeGreaterThan(0);
    for (const tear of tears) {
      expect(tear.kind).toBe('tear');
      expect(tear.y).toBeGreaterThan(EYES[0].y);
      expect([EYES[0].x, EYES[1].x]).toContain(tear.x);
    }
    expect(frames[FRAME_COUNT / 2]!.overlays.some((o) => o.alpha > 0.3)).toBe(true);
  });
});

describe('movePlan', () => {
  const plan: StickerPlan = {
    size: 512,
    style: 'photo',
    transform: { a: 0.5, b: 0.1, tx: 10, ty: 20 },
    mask: [{ x: 100, y: 100 }, { x: 400, y: 120 }, { x: 256, y: 450 }],
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
