// How strongly each expression family reads on a finished sticker: MediaPipe's own blendshape
// scores (0..1) on the sticker with the expression, minus those on the same photo's sticker with
// none. Measured on the fixture faces and on harder photos made from them in the browser (an older
// face with glasses, a grey one, a poor chat-forwarded one, glasses drawn on a younger face).
// Shared by tests/browser/expression-strength.test.ts and the bench (tests/bench/run-bench.ts).

import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { openPage } from './chromium.ts';
import { fixtureFile, type UploadFile } from './fixtures.ts';
import { imageBytes, makeSticker, openApp, outcome } from './app-driver.ts';
import { LandmarkHarness, type Measured } from './harness.ts';
import { change as metricChange, faceMetrics, type FaceMetrics } from './face-metrics.ts';
import { greyed, lowQuality, withGlasses } from './variants.ts';

/**
 * One family of expressions, the words that ask for it, the blendshapes (left/right pair) that
 * score it, and the landmark measure (face-metrics.ts, iris-distance units) of the same movement.
 */
export interface Family {
  family: string;
  words: string;
  shapes: readonly string[];
  metric: keyof FaceMetrics;
}

export const FAMILIES: readonly Family[] = [
  { family: 'smile', words: '微笑', shapes: ['mouthSmileLeft', 'mouthSmileRight'], metric: 'cornerLift' },
  { family: 'smile', words: '开心大笑', shapes: ['mouthSmileLeft', 'mouthSmileRight'], metric: 'cornerLift' },
  { family: 'open mouth', words: '惊讶', shapes: ['jawOpen'], metric: 'mouthGap' },
  { family: 'brows down', words: '生气', shapes: ['browDownLeft', 'browDownRight'], metric: 'innerBrowHeight' },
  { family: 'eyes closed', words: '闭眼', shapes: ['eyeBlinkLeft', 'eyeBlinkRight'], metric: 'aperture' },
  { family: 'eyes closed', words: '困', shapes: ['eyeBlinkLeft', 'eyeBlinkRight'], metric: 'aperture' },
  { family: 'sad mouth', words: '难过', shapes: ['mouthFrownLeft', 'mouthFrownRight'], metric: 'cornerLift' },
];

/** The test faces: the two fixture portraits and variants of them that make expressions harder to read. */
export async function strengthFaces(harness: LandmarkHarness): Promise<{ name: string; photo: UploadFile }[]> {
  const grace = fixtureFile('faces/grace_hopper.jpg');
  const astronaut = fixtureFile('faces/astronaut.png');
  const seen = await harness.measure(astronaut.buffer.toString('base64'), astronaut.mimeType);
  const points = seen.faces[0]?.points;
  if (points === undefined) throw new Error('no face found on astronaut.png to draw glasses on');
  const page = harness.page;
  return [
    { name: 'grace hopper (older, glasses)', photo: grace },
    { name: 'astronaut', photo: astronaut },
    { name: 'astronaut with glasses', photo: await withGlasses(page, astronaut, points[468]!, points[473]!) },
    { name: 'grey astronaut', photo: await greyed(page, astronaut) },
    { name: 'grey low-quality grace hopper', photo: await lowQuality(page, await greyed(page, grace)) },
  ];
}

/** Blendshape scores per family's words on one face. */
export interface FaceStrength {
  face: string;
  /** words → the family's mean blendshape score on the sticker without an expression. */
  neutral: Record<string, number>;
  /** words → mean change of the family's blendshapes against the sticker without an expression. */
  change: Record<string, number>;
  /** words → change of the family's landmark measure against the sticker without an expression. */
  moved: Record<string, number>;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Opens the app (face-oval cutout: only the face is measured) and the landmark harness, and makes
 * a sticker of every face with no expression and with each family's words. With `saveTo`, the
 * stickers are written there as PNGs to look at.
 */
export async function measureExpressionStrength(browser: Browser, url: string, saveTo?: string): Promise<FaceStrength[]> {
  const { page, context } = await openPage(browser);
  await openApp(page, url);
  await page.getByTestId('cutout-select').selectOption('face');
  const harness = await LandmarkHarness.open(browser, url);
  let lastSrc: string | null = null;
  const sticker = async (name: string, photo: UploadFile, words: string): Promise<Measured['faces'][number]> => {
    await makeSticker(page, photo, { prompt: words, caption: ' ' });
    const done = await outcome(page, lastSrc);
    if (done.kind !== 'result') throw new Error(`${name} ${words}: ${done.text}`);
    lastSrc = done.src;
    const png = await imageBytes(page, done.src);
    if (saveTo !== undefined) {
      mkdirSync(saveTo, { recursive: true });
      writeFileSync(`${saveTo}/${name.replace(/\W+/gu, '-')}-${words || 'none'}.png`, Buffer.from(png, 'base64'));
    }
    const measured = await harness.measure(png, 'image/png');
    if (measured.faces.length !== 1) throw new Error(`${name} ${words}: ${measured.faces.length} faces on the sticker`);
    return measured.faces[0]!;
  };
  const results: FaceStrength[] = [];
  for (const { name, photo } of await strengthFaces(harness)) {
    const neutral = await sticker(name, photo, '');
    const neutralMetrics = faceMetrics(neutral.points);
    const before: Record<string, number> = {};
    const change: Record<string, number> = {};
    const moved: Record<string, number> = {};
    for (const { words, shapes, metric } of FAMILIES) {
      const face = await sticker(name, photo, words);
      const score = (s: string) => face.blendshapes[s] ?? 0;
      before[words] = round(mean(shapes.map((s) => neutral.blendshapes[s] ?? 0)));
      change[words] = round(mean(shapes.map((s) => score(s) - (neutral.blendshapes[s] ?? 0))));
      moved[words] = round(metricChange(neutralMetrics, faceMetrics(face.points))[metric]);
    }
    results.push({ face: name, neutral: before, change, moved });
  }
  await harness.close();
  await context.close();
  return results;
}
