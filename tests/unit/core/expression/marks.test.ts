import { describe, expect, it } from 'vitest';
import { movePlan } from '../../../../src/core/animation/move-plan.ts';
import { MARKS, marksOf, placeMarks } from '../../../../src/core/expression/marks.ts';
import { expressionById } from '../../../../src/core/expression/expression-by-id.ts';
import { EXPRESSIONS } from '../../../../src/core/expression/lexicon.ts';
import { eyeTargetsPx } from '../../../../src/core/sticker-layout.ts';

const SIZE = 512;
const EYES = eyeTargetsPx(SIZE);

describe('expression marks', () => {
  it('names marks only for expressions that exist, and most expressions have one', () => {
    const ids = new Set(EXPRESSIONS.map((e) => e.id));
    for (const id of Object.keys(MARKS)) expect(ids.has(id), id).toBe(true);
    const marked = EXPRESSIONS.filter((e) => marksOf(e).length > 0);
    expect(marked.length).toBeGreaterThan(EXPRESSIONS.length / 2);
    expect(marksOf(expressionById('cry'))).toContain('tear');
    expect(marksOf(expressionById('angry'))).toContain('anger');
    expect(marksOf(expressionById('laugh'))).toEqual([]);
  });

  it('puts tears below each eye and blush lower still, inside the sticker', () => {
    const [tearR, tearL] = placeMarks(['tear'], SIZE, EYES, 1);
    const [blushR] = placeMarks(['blush'], SIZE, EYES, 1);
    expect(tearR!.y).toBeGreaterThan(EYES[0].y);
    expect(tearL!.y).toBeGreaterThan(EYES[1].y);
    expect(tearR!.x).toBeLessThan(EYES[0].x + 1);
    expect(tearL!.x).toBeGreaterThan(EYES[1].x - 1);
    expect(blushR!.y).toBeGreaterThan(tearR!.y);
    for (const o of placeMarks(['tear', 'blush', 'spiral', 'gloom', 'heart', 'sparkle', 'anger', 'question', 'zzz', 'dots'], SIZE, EYES, 1)) {
      expect(o.x - o.size / 2, o.kind).toBeGreaterThanOrEqual(0);
      expect(o.x + o.size / 2, o.kind).toBeLessThanOrEqual(SIZE);
      expect(o.y - o.size / 2, o.kind).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives two symbols in the air different places', () => {
    const [a, b] = placeMarks(['anger', 'sweat'], SIZE, EYES, 1);
    expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThan(SIZE / 4);
  });

  it('fades with strength and follows the turned eyes', () => {
    expect(placeMarks(['question'], SIZE, EYES, 0.4)[0]!.alpha).toBeCloseTo(0.4, 9);
    expect(placeMarks(['question'], SIZE, EYES, 3)[0]!.alpha).toBe(1);
    expect(placeMarks(['question'], SIZE, EYES, -1)[0]!.alpha).toBe(0);
    const tilted: typeof EYES = [EYES[0], { x: EYES[1].x, y: EYES[1].y + 40 }];
    const [, tearL] = placeMarks(['tear'], SIZE, tilted, 1);
    expect(tearL!.y).toBeGreaterThan(placeMarks(['tear'], SIZE, EYES, 1)[1]!.y + 30);
  });

  it('move with the face in animation frames, unlike the motion overlays', () => {
    const marks = placeMarks(['anger'], SIZE, EYES, 1);
    const plan = {
      size: SIZE,
      style: 'photo' as const,
      transform: { a: 1, b: 0, tx: 0, ty: 0 },
      mask: [],
      person: null,
      outline: { width: 8, colour: '#ffffff' },
      caption: { lines: [], fontSize: 10, centerX: 0, baselineY: [] },
      overlays: marks,
    };
    const falling = { kind: 'tear' as const, x: 100, y: 100, size: 10, alpha: 1 };
    const moved = movePlan(plan, { strength: 1, dx: 12, dy: -5, angle: 0, scale: 1, overlays: [falling] });
    expect(moved.overlays).toHaveLength(2);
    expect(moved.overlays[0]).toMatchObject({ kind: 'anger', x: marks[0]!.x + 12, y: marks[0]!.y - 5 });
    expect(moved.overlays[1]).toEqual(falling);
  });
});
