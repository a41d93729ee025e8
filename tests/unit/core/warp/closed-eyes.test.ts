import { describe, expect, it } from 'vitest';
import { expressionDisplacements, openedLayout } from '../../../../src/core/expression/displacements.ts';
import { buildWarpMesh } from '../../../../src/core/warp/warp-mesh.ts';
import { closedEyes, MIN_CLOSURE } from '../../../../src/core/warp/closed-eyes.ts';
import type { Recipe } from '../../../../src/core/expression/action-units.ts';
import { expressionById } from '../../../../src/core/expression/expression-by-id.ts';
import * as R from '../../../../src/core/face/regions.ts';
import { REAL_FACE, REAL_SIZE } from '../../support/real-face.ts';

const eyesOf = (recipe: Recipe, intensity = 1) =>
  closedEyes(buildWarpMesh(REAL_FACE, expressionDisplacements(REAL_FACE, recipe, intensity), REAL_SIZE.width, REAL_SIZE.height, openedLayout(REAL_FACE)));

describe('closed eyes to paint a lid over', () => {
  it('eyesClosed shuts both eyes: the lash line runs corner to corner through where the lids meet', () => {
    const eyes = eyesOf({ eyesClosed: 1 });
    expect(eyes).toHaveLength(2);
    for (const eye of eyes) {
      expect(eye.closure).toBeGreaterThan(0.95);
      expect(eye.line).toHaveLength(R.RIGHT_EYE_UPPER_LID.length + 2);
      // Grace Hopper's eyes are about 10 px open in this 512×600 photo.
      expect(eye.opening).toBeGreaterThan(5);
    }
    // The right eye's line starts at its outer corner (which the closing lids move a little).
    const start = eyes[0]!.line[0]!;
    expect(Math.hypot(start.x - REAL_FACE[33]!.x, start.y - REAL_FACE[33]!.y)).toBeLessThan(2);
  });

  it('a wink shuts one eye, the subject’s left', () => {
    const eyes = eyesOf({ wink: 1 });
    expect(eyes).toHaveLength(1);
    const start = eyes[0]!.line[0]!;
    expect(Math.hypot(start.x - REAL_FACE[263]!.x, start.y - REAL_FACE[263]!.y)).toBeLessThan(2);
  });

  it('narrowed, wide or untouched eyes get no lid', () => {
    expect(eyesOf({})).toEqual([]);
    expect(eyesOf({ eyesNarrow: 1 })).toEqual([]);
    expect(eyesOf({ eyesWide: 1, smile: 1 })).toEqual([]);
    // 生气 and 嫌弃: narrowed, and pressed by the lowered brows.
    expect(eyesOf(expressionById('angry').recipe)).toEqual([]);
    expect(eyesOf(expressionById('disgusted').recipe)).toEqual([]);
  });

  it('closing fades in: half closed is under MIN_CLOSURE, most of the way is over it', () => {
    expect(eyesOf({ eyesClosed: 1 }, 0.4)).toEqual([]);
    const most = eyesOf({ eyesClosed: 1 }, 0.8);
    expect(most).toHaveLength(2);
    for (const eye of most) expect(eye.closure).toBeGreaterThan(MIN_CLOSURE);
  });
});
