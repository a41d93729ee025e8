// The person cutout's coverage (#17): on each photo of tests/browser/support/cutout-photos.ts, the
// share of the sticker's opaque pixels outside the person's head-and-shoulders region, the share of
// its top corners that is opaque, and the share of the face kept (tests/browser/support/cutout-coverage.ts).

import type { Browser } from 'playwright-core';
import { openApp } from '../browser/support/app-driver.ts';
import { openPage } from '../browser/support/chromium.ts';
import { LandmarkHarness } from '../browser/support/harness.ts';
import type { CutoutCoverage } from '../browser/support/cutout-coverage.ts';
import { CUTOUT_PHOTOS, cutoutPhotos, measureCutout } from '../browser/support/cutout-photos.ts';

export async function cutoutCoverageBench(browser: Browser, url: string): Promise<Record<string, CutoutCoverage | null>> {
  const harness = await LandmarkHarness.open(browser, url);
  const { page, context } = await openPage(browser);
  await openApp(page, url);
  const photos = await cutoutPhotos(harness.page);
  const result: Record<string, CutoutCoverage | null> = {};
  let src: string | null = null;
  for (const label of CUTOUT_PHOTOS) {
    const measured = await measureCutout(page, harness, photos[label], src);
    src = measured.src;
    const round = (v: number) => Math.round(v * 10000) / 10000;
    result[label] =
      measured.coverage === null
        ? null
        : { outside: round(measured.coverage.outside), topCorners: round(measured.coverage.topCorners), faceKept: round(measured.coverage.faceKept) };
  }
  await context.close();
  await harness.close();
  return result;
}
