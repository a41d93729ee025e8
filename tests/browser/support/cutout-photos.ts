// The photos the person cutout is measured on: the fixture portraits, and scenes made from them in
// the browser where a background could ride along (a busy backdrop, a photographed print). Shared by
// the browser test and the bench.

import type { Page } from 'playwright-core';
import { fixtureFile, type UploadFile } from './fixtures.ts';
import { cutoutCoverage, HAIR, type CutoutCoverage, type HairReach } from './cutout-coverage.ts';
import { outcome } from './app-driver.ts';
import type { LandmarkHarness } from './harness.ts';
import { stickerPixels } from './sticker-pixels.ts';
import { cropped, onBusyBackground, photoOfPhoto } from './variants.ts';

export const CUTOUT_PHOTOS = [
  'grace_hopper',
  'grace_hopper, busy background',
  'grace_hopper, photo of a print',
  'astronaut',
  'astronaut, busy background',
] as const;

export interface CutoutPhoto {
  photo: UploadFile;
  /** How far the portrayed person's hair reaches past the face. */
  hair: HairReach;
}

export async function cutoutPhotos(page: Page): Promise<Record<(typeof CUTOUT_PHOTOS)[number], CutoutPhoto>> {
  const grace = fixtureFile('faces/grace_hopper.jpg');
  const astronaut = fixtureFile('faces/astronaut.png');
  const coffee = fixtureFile('no-face/coffee.png');
  // Her face is small in the fixture: closer framed (the flag kept), it is still found once set in a scene.
  const astronautCloser = await cropped(page, astronaut, { x: 0, y: 0, width: 400, height: 380 });
  const astronautPrint = await cropped(page, astronaut, { x: 100, y: 0, width: 300, height: 400 });
  const graceHair = HAIR['faces/grace_hopper.jpg']!;
  const astronautHair = HAIR['faces/astronaut.png']!;
  return {
    grace_hopper: { photo: grace, hair: graceHair },
    'grace_hopper, busy background': { photo: await onBusyBackground(page, grace, coffee), hair: graceHair },
    'grace_hopper, photo of a print': { photo: await photoOfPhoto(page, grace, astronautPrint), hair: graceHair },
    astronaut: { photo: astronaut, hair: astronautHair },
    'astronaut, busy background': { photo: await onBusyBackground(page, astronautCloser, coffee), hair: astronautHair },
  };
}

/**
 * A person-cutout sticker of the photo (no die-cut edge) made in the app's page, and its coverage
 * measured on the landmarks the harness finds on it; `previousSrc` is the last sticker's.
 */
export async function measureCutout(
  page: Page,
  harness: LandmarkHarness,
  { photo, hair }: CutoutPhoto,
  previousSrc: string | null,
): Promise<{ src: string; faces: number; coverage: CutoutCoverage | null; cutAlongPerson: boolean }> {
  await page.getByTestId('photo-input').setInputFiles(photo);
  await page.getByTestId('cutout-select').selectOption('person');
  await page.getByTestId('outline-width').fill('0');
  await page.getByTestId('generate-button').click();
  const done = await outcome(page, previousSrc);
  if (done.kind !== 'result') throw new Error(`${photo.name}: no sticker: ${done.text}`);
  const cutAlongPerson = (await page.getByTestId('cutout-note').count()) === 0;
  const sticker = await stickerPixels(page, done.src);
  const { faces } = await harness.measure(sticker.png, 'image/png');
  const coverage = faces.length === 1 ? cutoutCoverage(sticker.rgba, sticker.size, faces[0]!.points, hair) : null;
  return { src: done.src, faces: faces.length, coverage, cutAlongPerson };
}
