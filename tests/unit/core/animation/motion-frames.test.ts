import { describe, expect, it } from 'vitest';
import { FRAME_COUNT, motionFrames } from '../../../../src/core/animation/motion-frames.ts';
import { MOTIONS } from '../../../../src/core/expression/action-units.ts';

const EYES = [
  { x: 192, y: 184 },
  { x: 320, y: 184 },
] as const;

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
