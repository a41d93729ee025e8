// Geometric truth: the real face landmarker, run afresh on each finished sticker, must see the
// expression asked for, compared with the same photo made into a sticker with no expression.
//
// Thresholds are in iris-distance units. Measured on 2026-11-24 (see the closing note), each is
// about half of the smaller effect seen on the two fixture faces and at least 0.015, five times
// the jitter of the landmarker between two identical stickers (< 0.003). Brow height is not asserted
// on Grace Hopper: her glasses' frames hide her brows from the landmarker.

import { beforeAll, describe, expect, it } from 'vitest';
import { useSession } from './support/session.ts';
import { openPage, type TestPage } from './support/chromium.ts';
import { fixtureFile } from './support/fixtures.ts';
import { imageBytes, makeSticker, openApp, outcome } from './support/app-driver.ts';
import { LandmarkHarness, type Measured } from './support/harness.ts';
import { change, faceMetrics, type FaceMetrics } from './support/face-metrics.ts';

const FACES = ['faces/grace_hopper.jpg', 'faces/astronaut.png'] as const;
type Face = (typeof FACES)[number];
const GLASSES: Face = 'faces/grace_hopper.jpg';

interface Case {
  words: string;
  id: string;
  expect: (d: FaceMetrics, face: Face) => void;
}

const CASES: Case[] = [
  { words: '微笑', id: 'smile', expect: (d) => expect(d.cornerLift).toBeGreaterThan(0.015) },
  { words: '开心大笑', id: 'laugh', expect: (d) => expect(d.mouthGap).toBeGreaterThan(0.15) },
  {
    words: '惊讶',
    id: 'surprised',
    expect: (d, face) => {
      expect(d.mouthGap).toBeGreaterThan(0.08);
      expect(d.aperture).toBeGreaterThan(0.02);
      if (face !== GLASSES) expect(d.browHeight).toBeGreaterThan(0.025);
    },
  },
  {
    words: '生气',
    id: 'angry',
    expect: (d) => {
      expect(d.innerBrowHeight).toBeLessThan(-0.04);
      expect(d.aperture).toBeLessThan(-0.015);
    },
  },
  { words: '闭眼', id: 'eyes-closed', expect: (d) => expect(d.aperture).toBeLessThan(-0.025) },
  { words: '困', id: 'sleepy', expect: (d) => expect(d.aperture).toBeLessThan(-0.025) },
  {
    words: '眨眼',
    id: 'wink',
    expect: (d) => {
      expect(d.apertureLeft).toBeLessThan(-0.03);
      expect(d.apertureLeft - d.apertureRight).toBeLessThan(-0.015);
    },
  },
  { words: '难过', id: 'sad', expect: (d) => expect(d.innerBrowHeight).toBeGreaterThan(0.015) },
  { words: '委屈', id: 'aggrieved', expect: (d) => expect(d.innerBrowHeight).toBeGreaterThan(0.025) },
  {
    words: '害怕',
    id: 'scared',
    expect: (d) => {
      expect(d.aperture).toBeGreaterThan(0.02);
      expect(d.innerBrowHeight).toBeGreaterThan(0.02);
    },
  },
  { words: '亲亲', id: 'kiss', expect: (d) => expect(d.mouthWidth).toBeLessThan(-0.05) },
  { words: '得意', id: 'smug', expect: (d) => expect(d.cornerAsymmetry).toBeGreaterThan(0.015) },
  {
    words: '嫌弃',
    id: 'disgusted',
    expect: (d) => {
      expect(d.aperture).toBeLessThan(-0.012);
      expect(d.innerBrowHeight).toBeLessThan(-0.025);
    },
  },
];

/**
 * Landmarks away from mouth, eyes and brows, on features the landmarker sees in the pixels: nose
 * tip and lower bridge. (Forehead-top and face-side landmarks are its guesses at the outline, which
 * it re-fits when brows or jaw move even where no pixel changed; so is the bridge between the eyes,
 * landmark 6, which it moved 0.081 iris distances on the astronaut's angry sticker while the warp
 * held it still. The warp's own bounds on all of them are unit tests in
 * tests/unit/core/expression/displacements.test.ts.)
 */
const STILL = [1, 4, 5, 195, 197];

const session = useSession();
let t: TestPage;
let harness: LandmarkHarness;
let lastSrc: string | null = null;

beforeAll(async () => {
  t = await openPage(session.browser);
  await openApp(t.page, session.server.url);
  // The face-oval cutout: the warp is the same in both, but with hair and cap around the face the
  // landmarker fits Grace Hopper's brows (behind her glasses) flatter, and the measured raise of
  // 难过 / 委屈 falls under the thresholds. The person cutout has its own tests (cutout.test.ts).
  await t.page.getByTestId('cutout-select').selectOption('face');
  harness = await LandmarkHarness.open(session.browser, session.server.url);
});

async function sticker(face: Face, words: string): Promise<Measured> {
  await makeSticker(t.page, fixtureFile(face), { prompt: words, caption: ' ' });
  const done = await outcome(t.page, lastSrc);
  if (done.kind !== 'result') throw new Error(`${face} ${words}: ${done.text}`);
  lastSrc = done.src;
  const measured = await harness.measure(await imageBytes(t.page, done.src), 'image/png');
  expect(measured.faces, `${face} ${words}: the sticker still shows one face`).toHaveLength(1);
  return measured;
}

for (const face of FACES) {
  describe(`expressions on ${face}`, () => {
    let neutral: Measured;
    beforeAll(async () => {
      neutral = await sticker(face, '');
    });

    for (const c of CASES) {
      it(`${c.words} (${c.id})`, async () => {
        const measured = await sticker(face, c.words);
        expect(await t.page.getByTestId('expression-understood').getAttribute('data-expression-id')).toBe(c.id);
        const before = neutral.faces[0]!.points;
        const after = measured.faces[0]!.points;
        c.expect(change(faceMetrics(before), faceMetrics(after)), face);
        // The rest of the face stays put: the person is still recognisably themselves.
        const iod = Math.hypot(before[473]!.x - before[468]!.x, before[473]!.y - before[468]!.y);
        const tilted = c.id === 'smug';
        if (!tilted) {
          for (const i of STILL) {
            expect(Math.hypot(after[i]!.x - before[i]!.x, after[i]!.y - before[i]!.y) / iod, `landmark ${i}`).toBeLessThan(0.08);
          }
        }
      });
    }
  });
}
