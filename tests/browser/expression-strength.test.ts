// Every expression family must read on every face, measured on the finished sticker against the
// same photo's sticker with no expression, on the fixture faces and on harder photos made from them
// (glasses, grey, low quality; tests/browser/support/expression-strength.ts):
// - MediaPipe's blendshape score for the family (the mean of its left/right pair) rises by 0.25
//   (issue #17) on every family. A photo that already smiles (astronaut.png: 0.88) cannot rise by
//   0.25; there the smile must stay (≥ 0.85).
// - Measured 2026-12-04: closed eyes 0.29–0.56 (0.08–0.19 before #17; 0.20–0.46 with the first
//   painted lids, before the lash line was drawn darker and bowed like a shut eye's), the lowest
//   Grace Hopper behind her glasses; brows down 0.27–0.38 (0.05–0.17 before #17). The landmarker's
//   response to the brows is not monotonic: lowering them 0.16 or 0.18 face units read 0.25 and
//   0.21 on the grey astronaut, 0.17 reads 0.27.
// - Measured 2026-12-05: a sad mouth 0.34–0.69, the lowest the astronaut with glasses (under 0.05
//   before, when its corners were pulled far down: the landmarker found them at half the drop and
//   further in, and MediaPipe read a pucker). The shape that reads, a wide arch, was found by
//   searching the warp against the landmarker itself (the mouthArch unit).

import { beforeAll, describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { FAMILIES, measureExpressionStrength, type FaceStrength } from './support/expression-strength.ts';

/** Blendshape rise, every family. */
const MIN_SCORE_CHANGE = 0.25;
/** A score above this leaves no room for MIN_SCORE_CHANGE: the expression must keep it above KEEP_SCORE instead. */
const ALREADY_SHOWN = 0.75;
const KEEP_SCORE = 0.85;
/**
 * Landmark movement per family, in iris-distance units (negative: down, narrower), over ten times
 * the landmarker's jitter between two identical stickers (< 0.003). Lids and corners: about two
 * thirds of the smallest measured (−0.063, −0.07); before #17 they moved −0.035 and −0.033 on the
 * grey low-quality photo. Inner brows: about half the smallest measured (−0.063, the grey
 * low-quality photo), a guard against the landmarker losing them, which a lowering crowded onto the
 * eyes did on the astronaut.
 */
const MIN_MOVE: Partial<Record<string, number>> = { 'brows down': -0.035, 'eyes closed': -0.045, 'sad mouth': -0.045 };

const session = useSession();
let results: FaceStrength[];

beforeAll(async () => {
  results = await measureExpressionStrength(session.browser, session.server.url, 'test-results/expression-strength');
  console.table(Object.fromEntries(results.map((r) => [r.face, r.change])));
  console.table(Object.fromEntries(results.map((r) => [`${r.face} (no expression)`, r.neutral])));
  console.table(Object.fromEntries(results.map((r) => [`${r.face} (landmarks)`, r.moved])));
}, 600_000);

describe('every expression family reads on every face', () => {
  for (const { family, words } of FAMILIES) {
    it(`${family} (${words})`, () => {
      const minMove = MIN_MOVE[family];
      for (const r of results) {
        const before = r.neutral[words]!;
        const change = r.change[words]!;
        if (before > ALREADY_SHOWN) expect.soft(before + change, `${r.face}: ${words} score`).toBeGreaterThanOrEqual(KEEP_SCORE);
        else expect.soft(change, `${r.face}: ${words} score change`).toBeGreaterThanOrEqual(MIN_SCORE_CHANGE);
        if (minMove !== undefined) expect.soft(r.moved[words], `${r.face}: ${words} landmarks`).toBeLessThanOrEqual(minMove);
      }
    });
  }
});
