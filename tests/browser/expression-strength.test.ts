// Every expression family must read on every face: MediaPipe's blendshape score for it (the mean
// of its left/right pair) on the finished sticker rises by at least 0.25 over the same photo's
// sticker with no expression, on the fixture faces and on harder photos made from them (glasses,
// grey, low quality). See tests/browser/support/expression-strength.ts.

import { beforeAll, describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { FAMILIES, measureExpressionStrength, type FaceStrength } from './support/expression-strength.ts';

const MIN_CHANGE = 0.25;

const session = useSession();
let results: FaceStrength[];

beforeAll(async () => {
  results = await measureExpressionStrength(session.browser, session.server.url, 'test-results/expression-strength');
  console.table(Object.fromEntries(results.map((r) => [r.face, r.change])));
  console.table(Object.fromEntries(results.map((r) => [`${r.face} (no expression)`, r.neutral])));
}, 600_000);

describe('every expression family reads on every face', () => {
  for (const { family, words } of FAMILIES) {
    it(`${family} (${words})`, () => {
      for (const r of results) expect.soft(r.change[words], `${r.face}: ${words}`).toBeGreaterThanOrEqual(MIN_CHANGE);
    });
  }
});
